import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Translator } from '../../../i18n/i18n.js';
import { csvFile } from '../../../integrations/spreadsheets/csv.js';
import type { SpreadsheetType } from '../../../integrations/spreadsheets/read-spreadsheet.js';
import { getJobStatus } from '../../../jobs/job-status.js';
import type { JobSummary } from '../../../jobs/list-jobs.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { canPathway } from '../pathway.policy.js';
import { findImportWithoutRows, listRecentImports } from './import.repository.js';
import type { CheckedRow, ImportCounts } from './import-check.js';
import type { RowProblem } from './import-format.js';
import { type CommitReport, type ImportStatus, parseProblems, parseSummary } from './import-record.js';

/** Problems listed on the page (all of them are in the problems CSV and the API). */
export const PROBLEMS_SHOWN = 500;

/** An import as its page and the API show it. */
export interface ImportView {
  id: string;
  fileName: string;
  fileType: SpreadsheetType;
  status: ImportStatus;
  createdAt: string;
  updatedAt: string;
  rowCount: number;
  errorCount: number;
  counts: ImportCounts | null;
  /** The first rows, with what committing each would do. */
  rows: CheckedRow[];
  problems: RowProblem[];
  /** Problems not in `problems` (the page shows the first PROBLEMS_SHOWN). */
  moreProblems: number;
  /** The job that checks or commits a large file, while it matters. */
  job: JobSummary | null;
  report: CommitReport | null;
  canCommit: boolean;
}

/** One import, with its preview or its report (programme managers). */
export async function getImport(
  db: Executor,
  _deps: Services,
  actor: Actor,
  importId: string,
  options: { maxProblems?: number } = {},
): Promise<ImportView> {
  ensure(actor, canPathway(actor, 'results.import'));
  if (!isId(importId)) throw new AppError('not_found');
  const record = await findImportWithoutRows(db, importId);
  if (!record) throw new AppError('not_found');
  const summary = parseSummary(record);
  const status = record.status as ImportStatus;
  const problems = parseProblems(record);
  const shown = options.maxProblems ?? problems.length;
  const job = await getJobStatus(db, record.job_id);
  return {
    id: record.id,
    fileName: record.file_name,
    fileType: summary.fileType,
    status,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
    rowCount: record.row_count,
    errorCount: record.error_count,
    counts: summary.counts,
    rows: summary.preview,
    problems: problems.slice(0, shown),
    moreProblems: Math.max(0, problems.length - shown),
    job,
    report: summary.report,
    canCommit: status === 'previewed' && record.error_count === 0 && record.row_count > 0,
  };
}

export interface ImportListItem {
  id: string;
  fileName: string;
  status: ImportStatus;
  rowCount: number;
  errorCount: number;
  createdAt: string;
}

/** The latest imports (programme managers). */
export async function listImports(
  db: Executor,
  _deps: Services,
  actor: Actor,
  limit = 20,
): Promise<ImportListItem[]> {
  ensure(actor, canPathway(actor, 'results.import'));
  return (await listRecentImports(db, limit)).map((r) => ({
    id: r.id,
    fileName: r.file_name,
    status: r.status as ImportStatus,
    rowCount: r.row_count,
    errorCount: r.error_count,
    createdAt: r.created_at,
  }));
}

/** Pure: a problem in the reader's language: its row, the column's label and the message. */
export function describeProblem(
  t: Translator,
  problem: RowProblem,
): { line: number; column: string; message: string } {
  return {
    line: problem.line,
    column: problem.column ? t.t(`imports.column.${problem.column}`) : '',
    message: t.has(problem.key) ? t.t(problem.key, problem.values) : t.t('validation.invalid'),
  };
}

/** Every problem of an import as CSV in the reader's language (with a BOM for spreadsheets). */
export async function importProblemsCsv(
  db: Executor,
  deps: Services,
  actor: Actor,
  importId: string,
  t: Translator,
): Promise<string> {
  const view = await getImport(db, deps, actor, importId);
  const lines = view.problems.map((p) => {
    const d = describeProblem(t, p);
    return [String(d.line), d.column, d.message];
  });
  const header = [
    t.t('imports.problems.row'),
    t.t('imports.problems.column'),
    t.t('imports.problems.message'),
  ];
  return csvFile(header, lines);
}
