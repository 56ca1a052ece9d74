/**
 * An assignment's settings and date overrides, kept until `assignments` or `assignment_date_overrides` is
 * written (ADR 0009): every participant's page of an assignment reads the same row and overrides and makes
 * the same settings of them (the instructions' JSON, the file types). What applies to the reader (their
 * extension, their group's dates) is still picked per request from the kept overrides; the value is a new
 * frozen object after every change, so HTML rendered once from it (`renderedOnce`) cannot outlive it.
 */
import type { Executor } from '../../db/database.js';
import { deepFreeze, KeptResults } from '../../db/kept-results.js';
import { isId } from '../../kernel/ids.js';
import type { DateOverride } from './assignment.js';
import { findAssignment, listOverrides } from './assignments.repository.js';
import { type AssignmentSettings, toOverride, toSettings } from './submission-state.js';

/** The tables the kept facts are read from (checked in assignment-page-kept.integration.test.ts). */
export const ASSIGNMENT_FACTS_TABLES = ['assignments', 'assignment_date_overrides'] as const;

export interface AssignmentFacts {
  settings: AssignmentSettings;
  /** Every override of the dates (extensions, personal and group overrides), oldest first. */
  overrides: readonly DateOverride[];
  /** Whether some override is a group's (only then are the reader's groups read). */
  groupOverrides: boolean;
}

const KEPT_FACTS = new KeptResults<AssignmentFacts | null>({
  tables: ASSIGNMENT_FACTS_TABLES,
  maxEntries: 2000,
});

/** The assignment's kept settings and overrides (null: no such assignment). */
export async function keptAssignmentFacts(
  db: Executor,
  assignmentId: string,
): Promise<AssignmentFacts | null> {
  if (!isId(assignmentId)) return null;
  return KEPT_FACTS.get(db, assignmentId, () => readAssignmentFacts(db, assignmentId));
}

/** Reads what `keptAssignmentFacts` keeps. */
export async function readAssignmentFacts(
  db: Executor,
  assignmentId: string,
): Promise<AssignmentFacts | null> {
  const row = await findAssignment(db, assignmentId);
  if (!row) return null;
  const overrides = (await listOverrides(db, assignmentId)).map(toOverride);
  return deepFreeze({
    settings: toSettings(row),
    overrides,
    groupOverrides: overrides.some((o) => o.scope === 'group'),
  });
}
