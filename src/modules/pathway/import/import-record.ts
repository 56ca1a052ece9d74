/**
 * An import as stored in `imports` (PERSISTED SHAPES: `summary_json` holds `ImportSummary`; `rows_json`
 * the checked rows; `errors_json` the row problems) and the kinds of the jobs that work on it.
 */

import type { SpreadsheetType } from '../../../integrations/spreadsheets/read-spreadsheet.js';
import type { ImportRecordRow } from '../pathway.tables.js';
import type { CheckedRow, ImportCounts } from './import-check.js';
import type { ImportRow, RowProblem } from './import-format.js';

/** validating (reading and checking the file) → previewed → committing (a job applies it) → committed. */
export const IMPORT_STATUSES = ['validating', 'previewed', 'committing', 'committed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_VALIDATE_JOB = 'pathway.import-validate';
export const IMPORT_COMMIT_JOB = 'pathway.import-commit';

/** Files of about this many rows or fewer are checked, and committed, during the request; larger ones by a job. */
export const IMPORT_INLINE_MAX_ROWS = 2000;

/** What a commit did. */
export interface CommitReport {
  committedAt: string;
  committedBy: string | null;
  newResults: number;
  changedResults: number;
  unchangedRows: number;
  enrolments: number;
  candidaciesRefreshed: number;
}

/** Rows shown in a preview (kept in the summary, so that showing an import never parses all its rows). */
export const PREVIEW_ROWS = 50;

export interface ImportSummary {
  fileType: SpreadsheetType;
  counts: ImportCounts | null;
  /** The first PREVIEW_ROWS checked rows. */
  preview: CheckedRow[];
  report: CommitReport | null;
}

export function parseSummary(row: Pick<ImportRecordRow, 'summary_json'>): ImportSummary {
  const stored = row.summary_json ? (JSON.parse(row.summary_json) as Partial<ImportSummary>) : {};
  return {
    fileType: stored.fileType ?? 'csv',
    counts: stored.counts ?? null,
    preview: stored.preview ?? [],
    report: stored.report ?? null,
  };
}

export function parseCheckedRows(row: ImportRecordRow): CheckedRow[] {
  return JSON.parse(row.rows_json) as CheckedRow[];
}

export function parseProblems(row: Pick<ImportRecordRow, 'errors_json'>): RowProblem[] {
  return JSON.parse(row.errors_json) as RowProblem[];
}

/** The row as the file gave it (without what the check decided). */
export function plainRow({ change: _change, enrol: _enrol, ...row }: CheckedRow): ImportRow {
  return row;
}

/** Pure: the name of an uploaded file as shown, never a path: the last segment, printable, bounded. */
export function safeFileName(name: string | undefined): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'upload' : clean;
}
