/**
 * Spreadsheet cells, as read from CSV and XLSX files and as written to exports. Pure: no I/O. Shared by
 * every module that imports or exports spreadsheets.
 */

/** A cell as a spreadsheet reader gives it. */
export type Cell = string | number | boolean | Date | null | undefined;

/** Pure: text folded for matching labels: lower case, no accents, runs of spaces/dashes/dots as `_`. */
export function foldLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s\-_.]+/g, '_');
}

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Pure: the text of a cell. Dates become `YYYY-MM-DD` (UTC), numbers their shortest form; text is
 * trimmed of spaces and invisible marks. A leading apostrophe before a formula character (how exports
 * protect such values) is removed, so that an export imports back unchanged.
 */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = cell.replace(/^[\s\uFEFF\u200B]+|[\s\uFEFF\u200B]+$/g, '');
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** Pure: the value as written in an export: formula-like text is prefixed with an apostrophe. */
export function exportText(value: string | null): string {
  if (value === null) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}
