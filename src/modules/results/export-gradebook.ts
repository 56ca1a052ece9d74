import writeXlsxFile from 'write-excel-file/node';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Locale } from '../../i18n/i18n.js';
import { pickLocalized } from '../../i18n/localized.js';
import { type CsvValue, csvCellText, csvFile } from '../../integrations/spreadsheets/csv.js';
import type { Actor } from '../../kernel/actor.js';
import { formatHundredths } from './decimal.js';
import { getGradebook } from './get-gradebook.js';
import { PARTICIPATION_COLUMNS, participationCells } from './participation-source.js';

/**
 * The gradebook as a table: one row per person, one column per component, then total, outcome, missing and
 * the person's forum and debate participation (for marking).
 */
async function gradebookTable(db: Executor, deps: Services, actor: Actor, editionId: string, locale: Locale) {
  const book = await getGradebook(db, deps, actor, editionId);
  const header = [
    'email',
    'full_name',
    ...book.components.map((c) => pickLocalized(c.title, locale).text || c.id),
    'total',
    'outcome',
    'missing',
    ...PARTICIPATION_COLUMNS,
  ];
  const rows: CsvValue[][] = book.rows.map((row) => [
    row.email,
    row.fullName,
    ...row.cells.map((cell) =>
      cell.mark === null ? '' : cell.mark === 'excused' ? 'excused' : formatHundredths(cell.mark),
    ),
    row.result?.total == null ? '' : formatHundredths(row.result.total),
    row.result?.outcome ?? '',
    row.result ? row.result.missing.length : '',
    ...participationCells(book.participation[row.personId]),
  ]);
  return { name: `gradebook-${book.edition.code ?? book.edition.id}`, header, rows };
}

/** The gradebook as CSV (marks and totals as plain decimals). */
export async function gradebookCsv(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  locale: Locale,
): Promise<{ name: string; csv: string }> {
  const table = await gradebookTable(db, deps, actor, editionId, locale);
  return { name: `${table.name}.csv`, csv: csvFile(table.header, table.rows) };
}

/** The gradebook as XLSX (text cells formula-safe, as in the CSV). */
export async function gradebookXlsx(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  locale: Locale,
): Promise<{ name: string; bytes: Buffer }> {
  const table = await gradebookTable(db, deps, actor, editionId, locale);
  const cell = (value: CsvValue) =>
    typeof value === 'number' ? { value } : { value: value == null ? '' : csvCellText(value) };
  const sheet = [
    table.header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...table.rows.map((r) => r.map(cell)),
  ];
  const bytes = await writeXlsxFile(sheet).toBuffer();
  return { name: `${table.name}.xlsx`, bytes };
}
