import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { enqueueJob } from '../../../jobs/queue.js';
import { type Actor, actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { toDateString } from '../../../kernel/clock.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { recordTakenPlaces } from '../../places/record-taken-places.js';
import { canPathway } from '../pathway.policy.js';
import type { ResultOutcome } from '../pathway.schemas.js';
import { writeLegacyResult } from '../record-legacy-result.js';
import { type NewResult, recordNewResults } from '../record-new-results.js';
import { writeResult } from '../record-result.js';
import { refreshStandings } from '../standing.js';
import {
  deleteImportFile,
  findImport,
  listCandidaciesOfUsers,
  moveImportStatus,
  updateImport,
} from './import.repository.js';
import {
  type CheckedRow,
  checkRows,
  enrolmentKey,
  type ImportCounts,
  type ImportLookups,
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

type ApplyOutcome =
  | { status: 'committed'; report: CommitReport }
  | { status: ImportStatus; report: null }
  | { status: 'previewed'; refused: { rows: CheckedRow[]; problems: RowProblem[]; counts: ImportCounts } };

/**
 * Applies an import, all or nothing, in one transaction: the rows are checked again against the database
 * as it is now (a problem that appeared since the preview refuses the whole import and is shown on it),
 * people are enrolled where the file says so, every result is written through `writeResult` /
 * `writeLegacyResult` (each change audited), and the candidacies of everyone concerned are re-evaluated.
 * An import already committed is left alone, so a re-run after a crash writes nothing twice.
 */
export async function applyImport(
  db: Executor,
  deps: Services,
  actor: Actor,
  importId: string,
  progress?: Progress,
): Promise<{ status: ImportStatus; report: CommitReport | null }> {
  const today = toDateString(deps.clock.now());
  const now = deps.clock.now().toISOString();
  const outcome: ApplyOutcome = await inTransaction(db, async (trx) => {
    const record = await findImport(trx, importId);
    if (!record) throw new AppError('not_found');
    // Taken first: on PostgreSQL this locks the import until the end, so a second commit waits and then
    // finds it committed.
    if (!(await moveImportStatus(trx, importId, ['previewed', 'committing'], { updated_at: now })))
      return { status: record.status as ImportStatus, report: null };
    if (record.error_count > 0) return { status: record.status as ImportStatus, report: null };
    const rows = parseCheckedRows(record).map(plainRow);
    const lookups = await loadImportLookups(trx, rows);
    const checked = checkRows(rows, [], lookups, today);
    if (checked.problems.length) return { status: 'previewed', refused: checked };
    const written = await writeRows(trx, deps, actor, { importId, rows: checked.rows, lookups }, progress);
    const candidacies = await listCandidaciesOfUsers(trx, [...written.people]);
    await refreshStandings(trx, candidacies, today);
    const report: CommitReport = {
      committedAt: now,
      committedBy: actorId(actor),
      newResults: checked.counts.newResults,
      changedResults: checked.counts.changedResults,
      unchangedRows: checked.counts.unchangedRows,
      enrolments: checked.counts.enrolments,
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
  if ('refused' in outcome) {
    await storeRefusal(db, deps, importId, outcome.refused);
    return { status: 'previewed', report: null };
  }
  return outcome;
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

/** Enrols who must be enrolled, then writes every new or changed result; returns the people concerned. */
async function writeRows(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: { importId: string; rows: readonly CheckedRow[]; lookups: ImportLookups },
  progress?: Progress,
): Promise<{ people: Set<string> }> {
  const { rows, lookups } = input;
  const people = new Set<string>();
  const taken: { editionId: string; userId: string }[] = [];
  for (const row of rows) {
    if (!row.enrol) continue;
    const userId = lookups.people.get(row.email)!;
    taken.push({ editionId: lookups.editions.get(row.edition!)!.id, userId });
    people.add(userId);
  }
  // The places module makes the places these results show were taken (it owns them).
  const source = { kind: 'import' as const, importId: input.importId };
  const ids = await recordTakenPlaces(db, deps, actor, { create: taken, confirm: [], source });
  const created = new Map(
    taken.map((place, index) => [enrolmentKey(place.editionId, place.userId), ids[index]!]),
  );
  // Enrolments that existed before (a request or a waiting-list entry among them becomes a place).
  const existing: string[] = [];
  const enrolmentOf = (row: CheckedRow, userId: string) => {
    const key = enrolmentKey(lookups.editions.get(row.edition!)!.id, userId);
    const enrolmentId = lookups.enrolments.get(key)?.id ?? created.get(key)!;
    if (!created.has(key)) existing.push(enrolmentId);
    return enrolmentId;
  };
  // New results are written in bulk (rows, audit events, issuance jobs: a few hundred per statement);
  // a changed one (rare) through the use case that compares and updates it.
  const fresh: NewResult[] = [];
  const changed: CheckedRow[] = [];
  for (const row of rows) {
    if (row.change === 'changed') changed.push(row);
    if (row.change !== 'new') continue;
    const userId = lookups.people.get(row.email)!;
    const course = lookups.courses.get(row.course)!;
    const outcome = row.outcome as ResultOutcome;
    const { grade, completedOn } = row;
    people.add(userId);
    fresh.push(
      row.edition !== null
        ? {
            userId,
            courseId: course.id,
            enrolmentId: enrolmentOf(row, userId),
            source: 'import',
            outcome,
            grade,
            completedOn,
          }
        : {
            userId,
            courseId: course.id,
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
  const total = fresh.length + changed.length;
  await recordNewResults(db, deps, actor, fresh, (done) => progress?.(done, total));
  for (const [index, row] of changed.entries()) {
    const userId = lookups.people.get(row.email)!;
    const course = lookups.courses.get(row.course)!;
    const outcome = row.outcome as ResultOutcome;
    people.add(userId);
    if (row.edition !== null) {
      await writeResult(
        db,
        deps,
        actor,
        { id: enrolmentOf(row, userId), user_id: userId },
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
    if (index % 500 === 499) progress?.(fresh.length + index + 1, total);
  }
  progress?.(total, total);
  await recordTakenPlaces(db, deps, actor, { create: [], confirm: existing, source });
  return { people };
}
