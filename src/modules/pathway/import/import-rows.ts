import type { SheetRow } from '../../../integrations/spreadsheets/read-spreadsheet.js';
import { AppError } from '../../../kernel/errors.js';
import {
  findHeader,
  type ImportRow,
  isBlankRow,
  missingColumns,
  normaliseRow,
  REQUIRED_COLUMNS,
  type RowProblem,
} from './import-format.js';

/** Most data rows one import may hold. */
export const IMPORT_MAX_ROWS = 200_000;

function fileProblem(key: string, values: Record<string, string | number> = {}): AppError {
  return new AppError('validation_failed', {}, [{ path: 'file', key, values }]);
}

/**
 * Pure: the data rows of a sheet, normalised, with the problems found without the database. Finds the
 * header row (title lines above it are skipped), skips blank rows, and refuses a file with no header,
 * without a required column, or without any data row.
 */
export function parseImportRows(sheet: readonly SheetRow[]): { rows: ImportRow[]; problems: RowProblem[] } {
  const header = findHeader(sheet.map((r) => r.cells));
  if (!header) throw fileProblem('imports.error.noHeader', { columns: REQUIRED_COLUMNS.join(', ') });
  const missing = missingColumns(header);
  if (missing.length) throw fileProblem('imports.error.missingColumns', { columns: missing.join(', ') });
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  for (const { line, cells } of sheet.slice(header.rowIndex + 1)) {
    if (isBlankRow(cells)) continue;
    if (rows.length >= IMPORT_MAX_ROWS)
      throw fileProblem('imports.error.tooManyRows', { max: IMPORT_MAX_ROWS });
    const normalised = normaliseRow(cells, header, line);
    rows.push(normalised.row);
    problems.push(...normalised.problems);
  }
  if (rows.length === 0) throw fileProblem('imports.error.noRows');
  return { rows, problems };
}
