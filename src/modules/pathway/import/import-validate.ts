import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import {
  readSpreadsheet,
  type SpreadsheetType,
} from '../../../integrations/spreadsheets/read-spreadsheet.js';
import { toDateString } from '../../../kernel/clock.js';
import { isAppError } from '../../../kernel/errors.js';
import { findImport, findImportFile, moveImportStatus } from './import.repository.js';
import { checkRows } from './import-check.js';
import type { ImportRow, RowProblem } from './import-format.js';
import { loadImportLookups } from './import-lookups.js';
import { type ImportSummary, PREVIEW_ROWS } from './import-record.js';
import { parseImportRows } from './import-rows.js';

type Progress = (done: number, total: number) => void;

/**
 * Checks parsed rows against the database and stores the preview (the checked rows, every problem, the
 * counts); the import becomes `previewed`. Only an import still `validating` is changed, so running it
 * twice (a job re-run) stores the same preview once.
 */
export async function storePreview(
  db: Executor,
  deps: Services,
  importId: string,
  fileType: SpreadsheetType,
  parsed: { rows: ImportRow[]; problems: RowProblem[] },
  progress?: Progress,
): Promise<void> {
  const lookups = await loadImportLookups(db, parsed.rows, progress);
  const checked = checkRows(parsed.rows, parsed.problems, lookups, toDateString(deps.clock.now()));
  const summary: ImportSummary = {
    fileType,
    counts: checked.counts,
    preview: checked.rows.slice(0, PREVIEW_ROWS),
    report: null,
  };
  await moveImportStatus(db, importId, ['validating'], {
    status: 'previewed',
    row_count: checked.rows.length,
    error_count: checked.problems.length,
    rows_json: JSON.stringify(checked.rows),
    errors_json: JSON.stringify(checked.problems),
    summary_json: JSON.stringify(summary),
    updated_at: deps.clock.now().toISOString(),
  });
}

/** Stores a problem of the whole file (no header, unreadable): a preview with that one error and no rows. */
async function storeFileProblem(
  db: Executor,
  deps: Services,
  importId: string,
  fileType: SpreadsheetType,
  problem: RowProblem,
) {
  const summary: ImportSummary = {
    fileType,
    counts: {
      rows: 0,
      newResults: 0,
      changedResults: 0,
      unchangedRows: 0,
      enrolments: 0,
      legacyRows: 0,
      errorRows: 1,
      errors: 1,
    },
    preview: [],
    report: null,
  };
  await moveImportStatus(db, importId, ['validating'], {
    status: 'previewed',
    row_count: 0,
    error_count: 1,
    rows_json: '[]',
    errors_json: JSON.stringify([problem]),
    summary_json: JSON.stringify(summary),
    updated_at: deps.clock.now().toISOString(),
  });
}

/**
 * Reads an uploaded file that is still `validating` and stores its preview (the job of large files).
 * Idempotent: an import that is already previewed (or further) is left as it is.
 */
export async function validateImport(
  db: Executor,
  deps: Services,
  importId: string,
  progress?: Progress,
): Promise<{ rows: number }> {
  const record = await findImport(db, importId);
  if (record?.status !== 'validating') return { rows: record?.row_count ?? 0 };
  const file = await findImportFile(db, importId);
  if (!file) throw new Error(`the file of import ${importId} is missing`);
  const fileType = file.file_type as SpreadsheetType;
  let parsed: { rows: ImportRow[]; problems: RowProblem[] };
  try {
    parsed = parseImportRows(await readSpreadsheet(Buffer.from(file.content), fileType));
  } catch (error) {
    if (!isAppError(error, 'validation_failed')) throw error;
    const field = error.fields[0];
    await storeFileProblem(db, deps, importId, fileType, {
      line: 0,
      column: null,
      key: field?.key ?? 'imports.error.unreadable',
      ...(field?.values ? { values: field.values } : {}),
    });
    return { rows: 0 };
  }
  progress?.(0, parsed.rows.length);
  await storePreview(db, deps, importId, fileType, parsed, progress);
  return { rows: parsed.rows.length };
}
