import { stringify } from 'csv-stringify/sync';
import { exportText } from './cells.js';

/**
 * The one CSV writer of every export (candidates, applications, places, results, import problems). Pure.
 * Every cell is made formula-safe (text a spreadsheet would run as a formula gets a leading apostrophe,
 * which the importers remove again): names, organisations and references are written by applicants and
 * candidates, and a spreadsheet must never run them.
 */

/** A value of an exported cell; null and undefined become empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

/** Pure: one cell's text as exported (formula-like text neutralised). */
export function csvCellText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  return exportText(typeof value === 'string' ? value : String(value));
}

/** Pure: rows as CSV lines (quoted where needed), every cell formula-safe. For streamed exports. */
export function csvLines(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(rows.map((row) => row.map(csvCellText)));
}

/** Pure: a whole CSV file: a byte-order mark (spreadsheets then open non-Latin names right), header, rows. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\ufeff${csvLines([header, ...rows])}`;
}
