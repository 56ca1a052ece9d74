import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { insertJobRows, jobRows } from '../../jobs/queue.js';
import { type Actor, actorId } from '../../kernel/actor.js';
import { type AuditEventInput, auditRows, insertAuditRows } from '../../kernel/audit.js';
import { newId } from '../../kernel/ids.js';
import { courseIssuanceJobs } from '../credentials/issuing/job-kinds.js';
import { insertResults } from './pathway.repository.js';
import type { ResultOutcome } from './pathway.schemas.js';
import type { ResultRow } from './pathway.tables.js';

/** A result that does not exist yet: of an enrolment (`enrolmentId`), or a legacy certificate (null). */
export type NewResult = {
  userId: string;
  courseId: string;
  outcome: ResultOutcome;
  grade: string | null;
  completedOn: string;
} & (
  | { enrolmentId: string; source: 'manual' | 'import' }
  | {
      enrolmentId: null;
      source: 'legacy';
      courseCode: string;
      startedOn: string | null;
      reference: string | null;
    }
);

/** Results written per round (rows, audit events and issuance jobs each a few statements per round). */
const RESULTS_PER_ROUND = 500;

/** The audit event of a new result (what `result.recorded` / `result.legacy-recorded` record). */
function recordedEvent(result: NewResult): AuditEventInput {
  const { outcome, grade, completedOn } = result;
  return result.enrolmentId === null
    ? {
        action: 'result.legacy-recorded',
        targetType: 'user',
        targetId: result.userId,
        after: {
          course: result.courseCode,
          outcome,
          grade,
          startedOn: result.startedOn,
          completedOn,
          reference: result.reference,
        },
      }
    : {
        action: 'result.recorded',
        targetType: 'user',
        targetId: result.userId,
        after: { enrolmentId: result.enrolmentId, outcome, grade, completedOn },
      };
}

/**
 * The rows recording new results means: each result, its audit event and, for a result that earns a
 * credential, its issuance job (built and checked, not written: `recordNewResults` writes them, an
 * import stages them, docs/decisions/0010-staged-writes.md).
 */
export function newResultRows(deps: Services, actor: Actor, results: readonly NewResult[]) {
  const now = deps.clock.now().toISOString();
  const recordedBy = actor.kind === 'user' ? actor.id : null;
  const rows: ResultRow[] = results.map((result) => ({
    id: newId(),
    user_id: result.userId,
    course_id: result.courseId,
    enrolment_id: result.enrolmentId,
    outcome: result.outcome,
    grade: result.grade,
    started_on: result.enrolmentId === null ? result.startedOn : null,
    completed_on: result.completedOn,
    source: result.source,
    reference: result.enrolmentId === null ? result.reference : null,
    recorded_by: recordedBy,
    created_at: now,
    updated_at: now,
  }));
  return {
    results: rows,
    audit: auditRows(deps.clock, actor, results.map(recordedEvent)),
    // Their certificates are issued after commit (once per result and outcome).
    jobs: jobRows(
      deps.clock,
      courseIssuanceJobs(
        rows.map((row) => ({ resultId: row.id, outcome: row.outcome, recordedBy: actorId(actor) })),
      ),
    ),
  };
}

/**
 * Writes new results (inside the caller's transaction): each row, its audit event and, for a result that
 * earns a credential, its issuance job — a few hundred per statement, so an import of 100,000 rows runs
 * some thousand statements rather than half a million. Returns the new results' ids, in order.
 */
export async function recordNewResults(
  db: Executor,
  deps: Services,
  actor: Actor,
  results: readonly NewResult[],
  progress?: (done: number, total: number) => void,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < results.length; start += RESULTS_PER_ROUND) {
    const round = newResultRows(deps, actor, results.slice(start, start + RESULTS_PER_ROUND));
    await insertResults(db, round.results);
    await insertAuditRows(db, round.audit);
    await insertJobRows(db, round.jobs);
    for (const row of round.results) ids.push(row.id);
    progress?.(start + round.results.length, results.length);
  }
  return ids;
}
