/**
 * What committing an import writes, built in memory from the checked rows and staged ahead of the swap
 * (docs/decisions/0010-staged-writes.md): the new places and their audit events (places module), the new
 * results, their audit events and issuance jobs. Changed results (rare) and places confirmed from a request
 * are written by their use cases inside the swap.
 */
import type { Executor } from '../../../db/database.js';
import {
  createStagingTables,
  type StageableTable,
  type StagedBatch,
  stageRows,
} from '../../../db/staged-rows.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { takenPlaceRows } from '../../places/import/record-taken-places.js';
import type { ResultOutcome } from '../pathway.schemas.js';
import { type NewResult, newResultRows } from '../record-new-results.js';
import { type CheckedRow, enrolmentKey, type ImportLookups } from './import-check.js';

/** The tables an import stages, in the order the swap copies them (places before their results). */
export const STAGED_TABLES: readonly StageableTable[] = ['enrolments', 'results', 'audit_events', 'jobs'];

/** The staged work list of candidacies whose standing the commit re-evaluates after the swap. */
export const STANDINGS_TARGET = 'standings';

export interface ImportWrites {
  rows: Record<StageableTable, readonly object[]>;
  /** Rows whose existing result changes (written by the use cases in the swap). */
  changed: CheckedRow[];
  /** Existing enrolments (requests, waiting-list entries) that the results show were taken. */
  confirm: string[];
  /** Everyone whose records change. */
  people: Set<string>;
}

/**
 * Pure but for ids and the clock: the rows committing the checked rows writes (new places, new results,
 * their audit events and jobs), each checked as the use cases check them.
 */
export function buildImportWrites(
  deps: Services,
  actor: Actor,
  importId: string,
  rows: readonly CheckedRow[],
  lookups: ImportLookups,
): ImportWrites {
  const people = new Set<string>();
  const taken: { editionId: string; userId: string }[] = [];
  for (const row of rows) {
    if (!row.enrol) continue;
    const userId = lookups.people.get(row.email)!;
    taken.push({ editionId: lookups.editions.get(row.edition!)!.id, userId });
    people.add(userId);
  }
  const places = takenPlaceRows(deps, actor, { create: taken, source: { kind: 'import', importId } });
  const created = new Map(
    places.enrolments.map((place) => [enrolmentKey(place.edition_id, place.user_id), place.id]),
  );
  const confirm: string[] = [];
  const enrolmentOf = (row: CheckedRow, userId: string) => {
    const key = enrolmentKey(lookups.editions.get(row.edition!)!.id, userId);
    const made = created.get(key);
    if (made) return made;
    const existing = lookups.enrolments.get(key)!.id;
    confirm.push(existing);
    return existing;
  };
  const fresh: NewResult[] = [];
  const changed: CheckedRow[] = [];
  for (const row of rows) {
    if (row.change === 'changed') {
      changed.push(row);
      people.add(lookups.people.get(row.email)!);
    }
    if (row.change !== 'new') continue;
    const userId = lookups.people.get(row.email)!;
    const courseId = lookups.courses.get(row.course)!.id;
    const outcome = row.outcome as ResultOutcome;
    const { grade, completedOn } = row;
    people.add(userId);
    fresh.push(
      row.edition !== null
        ? {
            userId,
            courseId,
            enrolmentId: enrolmentOf(row, userId),
            source: 'import',
            outcome,
            grade,
            completedOn,
          }
        : {
            userId,
            courseId,
            courseCode: row.course,
            enrolmentId: null,
            source: 'legacy',
            outcome,
            grade,
            completedOn,
            startedOn: row.startedOn,
            reference: row.reference,
          },
    );
  }
  const results = newResultRows(deps, actor, fresh);
  return {
    rows: {
      enrolments: places.enrolments,
      results: results.results,
      audit_events: [...places.audit, ...results.audit],
      jobs: results.jobs,
    },
    changed,
    confirm,
    people,
  };
}

/**
 * Makes the batch's staging tables and stages the writes' rows, up to 2,000 per statement, each statement committing on its own: the write lock
 * is held for one statement at a time, so another connection writes at once between two (ADR 0010;
 * import-staging.integration.test.ts). Grouping 5,000 rows per transaction was cheaper but held the lock
 * across statements, which that test refuses.
 */
export async function stageImportWrites(
  db: Executor,
  batch: StagedBatch,
  writes: ImportWrites,
  now: string,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  await createStagingTables(db, batch, STAGED_TABLES, now);
  const total = STAGED_TABLES.reduce((sum, table) => sum + writes.rows[table].length, 0);
  let done = 0;
  for (const table of STAGED_TABLES) {
    const rows = writes.rows[table];
    for (let start = 0; start < rows.length; start += STAGE_STEP) {
      const step = rows.slice(start, start + STAGE_STEP);
      await stageRows(db, batch, table, step);
      done += step.length;
      progress?.(done, total);
    }
  }
}

/** Rows staged between two progress reports. */
const STAGE_STEP = 5000;

/** The columns of a table's staged rows (those the copy writes). */
export function stagedColumns(writes: ImportWrites, table: StageableTable): string[] {
  const first = writes.rows[table][0];
  return first ? Object.keys(first) : [];
}
