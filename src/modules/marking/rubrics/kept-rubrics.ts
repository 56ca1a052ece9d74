/**
 * Rubrics as the read pages use them, kept until a rubric or one of its versions is written (ADR 0009): the
 * marking page, the participant's assignment page (the rubric before submitting, the released mark's
 * criteria) and the rubric page read the same few rows and parse the same criteria JSON on every view,
 * although a rubric changes when a facilitator saves it. Kept values are frozen (shared by every request).
 * Who may read them is decided by the callers, per request. `kept-rubrics.integration.test.ts` checks the
 * declared tables against the SQL each one runs.
 */
import type { Executor } from '../../../db/database.js';
import { deepFreeze, KeptResults } from '../../../db/kept-results.js';
import { findRubric, findRubricVersion, latestRubricVersion } from './marking-rubrics.repository.js';
import type { Criterion } from './rubric.js';

/** The tables a kept rubric version's criteria are read from. */
export const RUBRIC_VERSION_TABLES = ['marking_rubric_versions'] as const;
/** The tables a kept rubric (its title and current version) is read from. */
export const RUBRIC_TABLES = ['marking_rubrics', 'marking_rubric_versions'] as const;

/** A rubric with its current version (the rubric page, `getRubric`). */
export interface KeptRubric {
  id: string;
  title: string;
  version: number;
  frozen: boolean;
  criteria: readonly Criterion[];
}

const KEPT_VERSION_CRITERIA = new KeptResults<readonly Criterion[] | null>({
  tables: RUBRIC_VERSION_TABLES,
  maxEntries: 500,
});
const KEPT_LATEST_CRITERIA = new KeptResults<readonly Criterion[] | null>({
  tables: RUBRIC_VERSION_TABLES,
  maxEntries: 500,
});
const KEPT_RUBRICS = new KeptResults<KeptRubric | null>({ tables: RUBRIC_TABLES, maxEntries: 500 });

const parsed = (json: string): readonly Criterion[] => deepFreeze(JSON.parse(json) as Criterion[]);

/** Reads a rubric version's criteria (null: no such version); the work behind `versionCriteria`. */
export async function readVersionCriteria(
  db: Executor,
  versionId: string,
): Promise<readonly Criterion[] | null> {
  const version = await findRubricVersion(db, versionId);
  return version ? parsed(version.criteria_json) : null;
}

/** Reads a rubric's current version's criteria (null: no version); the work behind `latestCriteria`. */
export async function readLatestCriteria(
  db: Executor,
  rubricId: string,
): Promise<readonly Criterion[] | null> {
  const version = await latestRubricVersion(db, rubricId);
  return version ? parsed(version.criteria_json) : null;
}

/** Reads a rubric with its current version (null: no such rubric); the work behind `keptRubric`. */
export async function readRubric(db: Executor, rubricId: string): Promise<KeptRubric | null> {
  const row = await findRubric(db, rubricId);
  if (!row) return null;
  const version = await latestRubricVersion(db, row.id);
  return deepFreeze({
    id: row.id,
    title: row.title,
    version: version?.version ?? 1,
    frozen: version?.frozen_at != null,
    criteria: version ? (JSON.parse(version.criteria_json) as Criterion[]) : [],
  });
}

/** A rubric version's criteria, frozen (null: no such version). */
export function versionCriteria(db: Executor, versionId: string): Promise<readonly Criterion[] | null> {
  return KEPT_VERSION_CRITERIA.get(db, versionId, () => readVersionCriteria(db, versionId));
}

/** A rubric's current version's criteria, frozen (null: the rubric has no version). */
export function latestCriteria(db: Executor, rubricId: string): Promise<readonly Criterion[] | null> {
  return KEPT_LATEST_CRITERIA.get(db, rubricId, () => readLatestCriteria(db, rubricId));
}

/** A rubric with its current version, frozen (null: no such rubric). */
export function keptRubric(db: Executor, rubricId: string): Promise<KeptRubric | null> {
  return KEPT_RUBRICS.get(db, rubricId, () => readRubric(db, rubricId));
}
