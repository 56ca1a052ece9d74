/**
 * The results import format, shared by imports and exports (PERSISTED SHAPE: normalised rows and row
 * problems are stored as JSON in `imports.rows_json` / `errors_json`). Pure: no I/O.
 *
 * One row per result; an empty `edition` makes it a legacy certificate (earned before the platform):
 *   email, course, edition, outcome, grade, started_on, completed_on, reference
 */
import { z } from 'zod';
import { LOCALES, MESSAGES } from '../../../i18n/i18n.js';
import { type Cell, cellText, exportText, foldLabel } from '../../../integrations/spreadsheets/cells.js';
import { isId } from '../../../kernel/ids.js';
import { isoDateSchema } from '../../../kernel/schemas.js';
import { GRADE_MAX_LENGTH, RESULT_OUTCOMES, type ResultOutcome } from '../pathway.schemas.js';

export const IMPORT_COLUMNS = [
  'email',
  'course',
  'edition',
  'outcome',
  'grade',
  'started_on',
  'completed_on',
  'reference',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['email', 'course', 'outcome', 'completed_on'];
export const REFERENCE_MAX_LENGTH = 100;
/** The header may follow a few title lines: it is looked for in this many first rows. */
export const HEADER_SEARCH_ROWS = 20;

/** A row after normalisation: codes upper case, email lower case, dates `YYYY-MM-DD`, empty → null. */
export interface ImportRow {
  /** Where the row is in the file (1 = first line or spreadsheet row), for messages. */
  line: number;
  email: string;
  course: string;
  /** Edition code (or id); null for a legacy certificate. */
  edition: string | null;
  /** A ResultOutcome once the row is valid; the text as written otherwise. */
  outcome: string;
  grade: string | null;
  startedOn: string | null;
  completedOn: string;
  reference: string | null;
}

/** A problem of one row (`line` 0: of the file as a whole), as a message id with its ICU values. */
export interface RowProblem {
  line: number;
  column: ImportColumn | null;
  key: string;
  values?: Record<string, string | number>;
}

/** Where each known column is in the rows, and which row is the header. */
export interface HeaderMatch {
  rowIndex: number;
  columns: Partial<Record<ImportColumn, number>>;
}

let headerAliases: Map<string, ImportColumn> | null = null;
let outcomeAliases: Map<string, ResultOutcome> | null = null;

/** Column names: the codes, and their labels in every interface language (`imports.column.*`). */
function headerAliasMap(): Map<string, ImportColumn> {
  if (headerAliases) return headerAliases;
  const map = new Map<string, ImportColumn>();
  for (const column of IMPORT_COLUMNS) {
    map.set(foldLabel(column), column);
    for (const locale of LOCALES) {
      const label = MESSAGES[locale][`imports.column.${column}`];
      if (label) map.set(foldLabel(label), column);
    }
  }
  headerAliases = map;
  return map;
}

/** Outcomes: the codes, and the labels shown in every interface language (`result.outcomeValue.*`). */
function outcomeAliasMap(): Map<string, ResultOutcome> {
  if (outcomeAliases) return outcomeAliases;
  const map = new Map<string, ResultOutcome>();
  for (const outcome of RESULT_OUTCOMES) {
    map.set(foldLabel(outcome), outcome);
    for (const locale of LOCALES) {
      const label = MESSAGES[locale][`result.outcomeValue.${outcome}`];
      if (label) map.set(foldLabel(label), outcome);
    }
  }
  outcomeAliases = map;
  return map;
}

/** Pure: the outcome code for a code or a translated label (any case, with or without accents). */
export function parseOutcome(text: string): ResultOutcome | null {
  return outcomeAliasMap().get(foldLabel(text)) ?? null;
}

/**
 * Pure: finds the header row among the first rows: the first one that names `email`, `course` and at
 * least one more known column (codes or translated labels). Unknown columns are ignored.
 */
export function findHeader(rows: readonly (readonly Cell[])[]): HeaderMatch | null {
  const aliases = headerAliasMap();
  for (let rowIndex = 0; rowIndex < Math.min(rows.length, HEADER_SEARCH_ROWS); rowIndex++) {
    const columns: Partial<Record<ImportColumn, number>> = {};
    (rows[rowIndex] ?? []).forEach((cell, index) => {
      const column = aliases.get(foldLabel(cellText(cell)));
      if (column && columns[column] === undefined) columns[column] = index;
    });
    const known = Object.keys(columns).length;
    if (columns.email !== undefined && columns.course !== undefined && known >= 3)
      return { rowIndex, columns };
  }
  return null;
}

/** Pure: the required columns a header lacks. */
export function missingColumns(header: HeaderMatch): ImportColumn[] {
  return REQUIRED_COLUMNS.filter((c) => header.columns[c] === undefined);
}

/** Pure: true when every cell of a row is empty (such rows are skipped). */
export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cellText(cell) === '');
}

const emailSchema = z.email();
const codePattern = /^[A-Z][A-Z0-9-]{1,15}$/;

function dateOrNull(text: string): string | null | undefined {
  if (text === '') return null;
  return isoDateSchema.safeParse(text).success ? text : undefined;
}

type Text = (column: ImportColumn) => string;
type Problem = (column: ImportColumn, key: string, values?: Record<string, string | number>) => void;

/** Who and what a row is about: the person, the course and the edition (null: a legacy certificate). */
function readSubject(text: Text, problem: Problem) {
  const email = text('email').toLowerCase();
  if (email === '') problem('email', 'validation.required');
  else if (email.length > 254 || !emailSchema.safeParse(email).success)
    problem('email', 'validation.invalidEmail');
  const course = text('course').toUpperCase();
  if (course === '') problem('course', 'validation.required');
  else if (!codePattern.test(course)) problem('course', 'validation.courseCode');
  const editionText = text('edition');
  const asId = editionText.toLowerCase();
  const edition = editionText === '' ? null : isId(asId) ? asId : editionText.toUpperCase();
  if (edition !== null && !isId(edition) && !codePattern.test(edition))
    problem('edition', 'imports.error.editionCode');
  return { email, course, edition };
}

/** The result a row gives: outcome, grade, dates and the old record's reference. */
function readResult(text: Text, problem: Problem, legacy: boolean) {
  const outcomeText = text('outcome');
  const outcome = parseOutcome(outcomeText);
  if (outcomeText === '') problem('outcome', 'validation.required');
  else if (!outcome) problem('outcome', 'imports.error.outcome', { value: outcomeText.slice(0, 40) });
  const grade = text('grade') || null;
  if (grade && grade.length > GRADE_MAX_LENGTH)
    problem('grade', 'validation.tooLong', { max: GRADE_MAX_LENGTH });
  const startedText = text('started_on');
  const startedOn = dateOrNull(startedText);
  if (startedOn === undefined) problem('started_on', 'validation.invalidDate');
  const completedText = text('completed_on');
  const completedOn = dateOrNull(completedText);
  if (completedOn === null) problem('completed_on', 'validation.required');
  else if (completedOn === undefined) problem('completed_on', 'validation.invalidDate');
  const reference = text('reference') || null;
  if (reference && reference.length > REFERENCE_MAX_LENGTH)
    problem('reference', 'validation.tooLong', { max: REFERENCE_MAX_LENGTH });
  if (!legacy && startedText !== '') problem('started_on', 'imports.error.legacyOnly');
  if (!legacy && reference !== null) problem('reference', 'imports.error.legacyOnly');
  if (startedOn && completedOn && startedOn > completedOn)
    problem('completed_on', 'validation.endBeforeStart');
  return {
    outcome: outcome ?? outcomeText,
    grade,
    startedOn: startedOn ?? (startedText || null),
    completedOn: completedOn ?? completedText,
    reference,
  };
}

/**
 * Pure: normalises one data row and lists its problems that need no database (formats, lengths, the
 * legacy-only columns, dates in order). Normalising a normalised row again gives the same row.
 */
export function normaliseRow(
  cells: readonly Cell[],
  header: HeaderMatch,
  line: number,
): { row: ImportRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const text: Text = (column) => {
    const index = header.columns[column];
    return index === undefined ? '' : cellText(cells[index]);
  };
  const problem: Problem = (column, key, values) =>
    problems.push(values ? { line, column, key, values } : { line, column, key });
  const subject = readSubject(text, problem);
  const result = readResult(text, problem, subject.edition === null);
  return { row: { line, ...subject, ...result }, problems };
}

/** Pure: a normalised row as the cells of an export (the import format, in column order). */
export function rowCells(row: Omit<ImportRow, 'line'>): string[] {
  return [
    row.email,
    row.course,
    row.edition ?? '',
    row.outcome,
    exportText(row.grade),
    row.startedOn ?? '',
    row.completedOn,
    exportText(row.reference),
  ];
}

/** The header of an export: the column codes. */
export const EXPORT_HEADER: readonly string[] = IMPORT_COLUMNS;
