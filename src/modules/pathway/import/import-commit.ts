import type { Transaction } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import {
  clearStagedRows,
  copyStagedRows,
  deleteStagedChunk,
  listStagedChunks,
  stageList,
} from '../../../db/staged-rows.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { enqueueJob } from '../../../jobs/queue.js';
import { type Actor, actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { toDateString } from '../../../kernel/clock.js';
import { AppError } from '../../../kernel/errors.js';
import { isId, newId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { recordTakenPlaces } from '../../places/import/record-taken-places.js';
import { canPathway } from '../pathway.policy.js';
import type { ResultOutcome } from '../pathway.schemas.js';
import { writeLegacyResult } from '../record-legacy-result.js';
import { writeResult } from '../record-result.js';
import { refreshStandings } from '../standing.js';
import {
  deleteImportFile,
  findImport,
  listCandidacyFactsByIds,
  listCandidacyIdsOfUsers,
  moveImportStatus,
  updateImport,
} from './import.repository.js';
import {
  type CheckedRow,
  checkRows,
  enrolmentKey,
  type ImportCounts,
  type ImportLookups,
  writesFingerprint,
} from './import-check.js';
import type { RowProblem } from './import-format.js';
import { loadImportLookups } from './import-lookups.js';
import {
  type CommitReport,
  IMPORT_COMMIT_JOB,
  IMPORT_INLINE_MAX_ROWS,
  type ImportStatus,
  type ImportSummary,
  PREVIEW_ROWS,
  parseCheckedRows,
  parseSummary,
  plainRow,
} from './import-record.js';
import {
  buildImportWrites,
  STAGED_TABLES,
  STANDINGS_TARGET,
  stagedColumns,
  stageImportWrites,
} from './import-stage.js';

type Progress = (done: number, total: number) => void;

/**
 * Commits a previewed import that has no errors (programme managers). A small import is applied during
 * the request; a large one is handed to a job (the request returns at once, the import page shows the
 * progress). Committing again, or while the job runs, changes nothing and returns the current status.
 */
export async function commitImport(
  db: Executor,
  deps: Services,
  actor: Actor,
  importId: string,
  options: { inlineMaxRows?: number } = {},
): Promise<{ status: ImportStatus }> {
  ensure(actor, canPathway(actor, 'results.import'));
  if (!isId(importId)) throw new AppError('not_found');
  const record = await findImport(db, importId);
  if (!record) throw new AppError('not_found');
  if (record.status === 'committing' || record.status === 'committed')
    return { status: record.status as ImportStatus };
  if (record.status !== 'previewed') throw new AppError('invalid_state', { reason: 'import-not-checked' });
  if (record.error_count > 0 || record.row_count === 0)
    throw new AppError('invalid_state', { reason: 'import-has-errors' });
  if (record.row_count <= (options.inlineMaxRows ?? IMPORT_INLINE_MAX_ROWS))
    return { status: (await applyImport(db, deps, actor, importId)).status };
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    if (!(await moveImportStatus(trx, importId, ['previewed'], { status: 'committing', updated_at: now })))
      return;
    const job = await enqueueJob(trx, deps.clock, {
      kind: IMPORT_COMMIT_JOB,
      payload: { importId, actor: { id: actorId(actor), roles: actor.kind === 'user' ? actor.roles : [] } },
      createdBy: actorId(actor),
    });
    await updateImport(trx, importId, { job_id: job.id });
  });
  return { status: 'committing' };
}

/** Attempts at staging and swapping before a commit gives up (the database kept changing under it). */
const MAX_ATTEMPTS = 3;

type SwapOutcome =
  | { status: 'committed'; report: CommitReport }
  | { status: ImportStatus; report: null }
  | { status: 'previewed'; refused: { rows: CheckedRow[]; problems: RowProblem[]; counts: ImportCounts } }
  | { status: 'restage' };

/**
 * Applies an import, all or nothing, without holding the database for its length
 * (docs/decisions/0010-staged-writes.md): the rows are checked against the database as it is now (a
 * problem that appeared since the preview refuses the whole import and is shown on it), what committing
 * writes (places, results, audit events, issuance jobs) is built and staged in short statements, then
 * one short transaction checks the rows again, copies the staged rows into their tables, writes the rare
 * changed results through `writeResult` / `writeLegacyResult`, and marks the import committed. The
 * standings of everyone concerned are re-evaluated after it, in chunks, from a work list the swap stages.
 * An import already committed is left alone (its pending standings finished), so a re-run after a crash
 * writes nothing twice.
 */
export async function applyImport(
  db: Executor,
  deps: Services,
  actor: Actor,
  importId: string,
  progress?: Progress,
): Promise<{ status: ImportStatus; report: CommitReport | null }> {
  const today = toDateString(deps.clock.now());
  for (let attempt = 1; ; attempt++) {
    const outcome = await stageAndSwap(db, deps, actor, importId, today, progress);
    if (outcome.status === 'restage') {
      if (attempt < MAX_ATTEMPTS) continue;
      throw new AppError('invalid_state', { reason: 'import-changed-during-commit' });
    }
    if ('refused' in outcome) {
      await clearStagedRows(db, { owner: importId });
      await storeRefusal(db, deps, importId, outcome.refused);
      return { status: 'previewed', report: null };
    }
    if (outcome.status === 'committed') await finishCommitted(db, importId, today);
    return outcome;
  }
}

async function stageAndSwap(
  db: Executor,
  deps: Services,
  actor: Actor,
  importId: string,
  today: string,
  progress?: Progress,
): Promise<SwapOutcome> {
  const now = deps.clock.now().toISOString();
  const record = await findImport(db, importId);
  if (!record) throw new AppError('not_found');
  if (record.status === 'committed') await finishCommitted(db, importId, today);
  if (!['previewed', 'committing'].includes(record.status) || record.error_count > 0)
    return { status: record.status as ImportStatus, report: null };
  const rows = parseCheckedRows(record).map(plainRow);
  const lookups = await loadImportLookups(db, rows);
  const checked = checkRows(rows, [], lookups, today);
  if (checked.problems.length) return { status: 'previewed', refused: checked };
  const writes = buildImportWrites(deps, actor, importId, checked.rows, lookups);
  const fingerprint = writesFingerprint(checked.rows, lookups);
  const batch = { id: newId(), owner: importId };
  await stageImportWrites(db, batch, writes, now, progress);
  return retryingBusy(db, async (trx): Promise<SwapOutcome> => {
    // The rows checked again against the database as it is now: reads first (on SQLite the write lock
    // is taken by the first write), then the compare-and-set that, on PostgreSQL, locks the import so a
    // second commit waits and then finds it committed.
    const again = await loadImportLookups(trx, rows);
    const rechecked = checkRows(rows, [], again, today);
    if (!(await moveImportStatus(trx, importId, ['previewed', 'committing'], { updated_at: now }))) {
      await clearStagedRows(trx, { batchId: batch.id });
      return {
        status: ((await findImport(trx, importId))?.status ?? 'committed') as ImportStatus,
        report: null,
      };
    }
    if (rechecked.problems.length) return { status: 'previewed', refused: rechecked };
    if (writesFingerprint(rechecked.rows, again) !== fingerprint) {
      await clearStagedRows(trx, { batchId: batch.id });
      return { status: 'restage' };
    }
    for (const table of STAGED_TABLES)
      await copyStagedRows(
        trx,
        batch.id,
        table,
        stagedColumns(writes, table),
        table === 'jobs' ? { ignoreConflictOn: 'idempotency_key' } : {},
      );
    await writeChanged(trx, deps, actor, writes.changed, again);
    const source = { kind: 'import' as const, importId };
    await recordTakenPlaces(trx, deps, actor, { create: [], confirm: writes.confirm, source });
    const candidacies = await listCandidacyIdsOfUsers(trx, [...writes.people]);
    await stageList(trx, batch, STANDINGS_TARGET, candidacies, { chunk: STANDINGS_PER_CHUNK, now });
    const report: CommitReport = {
      committedAt: now,
      committedBy: actorId(actor),
      newResults: rechecked.counts.newResults,
      changedResults: rechecked.counts.changedResults,
      unchangedRows: rechecked.counts.unchangedRows,
      enrolments: rechecked.counts.enrolments,
      candidaciesRefreshed: candidacies.length,
    };
    const summary: ImportSummary = { ...parseSummary(record), report };
    await updateImport(trx, importId, {
      status: 'committed',
      summary_json: JSON.stringify(summary),
      updated_at: now,
    });
    await deleteImportFile(trx, importId);
    await audit(trx, deps.clock, actor, {
      action: 'import.committed',
      targetType: 'import',
      targetId: importId,
      after: report,
    });
    return { status: 'committed', report };
  });
}

/** Times a transaction of the commit is tried again when SQLite refuses it at once as busy (below). */
const BUSY_RETRIES = 3;

/**
 * Runs one of the commit's transactions (the swap, a chunk of standings), again if SQLite refused it as
 * busy: each reads first and takes the write lock at its first write, and a write another process
 * committed in between makes that upgrade fail at once (`SQLITE_BUSY_SNAPSHOT`, no busy wait). The
 * transaction rolled back whole and what it works from (the staged rows, the chunk) is still there, so
 * trying again is safe.
 */
async function retryingBusy<T>(db: Executor, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, work);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt > BUSY_RETRIES || typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) throw error;
    }
  }
}

/** Candidacies re-evaluated per transaction after the swap. */
const STANDINGS_PER_CHUNK = 2000;

/**
 * What follows the swap, each step re-runnable after a crash: the copied staged rows (and any a crashed
 * attempt left) are forgotten, then the standings the swap listed are re-evaluated.
 */
async function finishCommitted(db: Executor, importId: string, today: string): Promise<void> {
  await clearStagedRows(db, { owner: importId, keep: STANDINGS_TARGET });
  await refreshStagedStandings(db, importId, today);
}

/**
 * Re-evaluates the standings the swap listed, a chunk per transaction, each chunk forgotten with its
 * write (a re-run after a crash does the rest). Until then the lists show the standing from before the
 * import for these candidates (the dashboard evaluates afresh).
 */
async function refreshStagedStandings(db: Executor, importId: string, today: string): Promise<void> {
  for (const chunk of await listStagedChunks(db, { owner: importId }, STANDINGS_TARGET))
    await retryingBusy(db, async (trx) => {
      await refreshStandings(trx, await listCandidacyFactsByIds(trx, chunk.values as string[]), today);
      await deleteStagedChunk(trx, chunk.batchId, STANDINGS_TARGET, chunk.seq);
    });
}

/** Keeps the problems found at commit time on the import (back to `previewed`, where the page shows them). */
async function storeRefusal(
  db: Executor,
  deps: Services,
  importId: string,
  refused: { rows: CheckedRow[]; problems: RowProblem[]; counts: ImportCounts },
) {
  const record = await findImport(db, importId);
  if (!record) return;
  const summary: ImportSummary = {
    ...parseSummary(record),
    counts: refused.counts,
    preview: refused.rows.slice(0, PREVIEW_ROWS),
  };
  await moveImportStatus(db, importId, ['previewed', 'committing'], {
    status: 'previewed',
    rows_json: JSON.stringify(refused.rows),
    errors_json: JSON.stringify(refused.problems),
    error_count: refused.problems.length,
    summary_json: JSON.stringify(summary),
    updated_at: deps.clock.now().toISOString(),
  });
}

/** Writes the results that change (rare) through the use cases that compare, update and audit them. */
async function writeChanged(
  db: Executor,
  deps: Services,
  actor: Actor,
  rows: readonly CheckedRow[],
  lookups: ImportLookups,
): Promise<void> {
  for (const row of rows) {
    const userId = lookups.people.get(row.email)!;
    const course = lookups.courses.get(row.course)!;
    const outcome = row.outcome as ResultOutcome;
    if (row.edition !== null) {
      const editionId = lookups.editions.get(row.edition)!.id;
      await writeResult(
        db,
        deps,
        actor,
        { id: lookups.enrolments.get(enrolmentKey(editionId, userId))!.id, user_id: userId },
        course.id,
        { outcome, grade: row.grade, completedOn: row.completedOn },
        'import',
      );
    } else {
      await writeLegacyResult(db, deps, actor, {
        userId,
        courseId: course.id,
        courseCode: row.course,
        outcome,
        grade: row.grade,
        startedOn: row.startedOn,
        completedOn: row.completedOn,
        reference: row.reference,
      });
    }
  }
}
