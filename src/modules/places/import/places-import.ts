/**
 * Bulk enrolment from CSV, the pure part: reading the rows (columns `email`, `edition` — its code or
 * id —, `funding`, `funding_name`, named by their codes or by their labels in any interface language)
 * and checking them against what exists. Problems are message ids with the line and column, shown in
 * the reader's language. Nothing here touches the database.
 */
import { LOCALES, MESSAGES } from '../../../i18n/i18n.js';
import { type Cell, cellText, foldLabel } from '../../../integrations/spreadsheets/cells.js';
import { isId } from '../../../kernel/ids.js';
import {
  canConfirm,
  FUNDING_KINDS,
  FUNDING_NAME_MAX,
  type FundingKind,
  NO_PLACES,
  type PlaceCounts,
} from '../places.js';

export const PLACES_IMPORT_COLUMNS = ['email', 'edition', 'funding', 'funding_name'] as const;
export type PlacesImportColumn = (typeof PLACES_IMPORT_COLUMNS)[number];
/** Most rows in one bulk enrolment. */
export const PLACES_IMPORT_MAX_ROWS = 2000;

export interface PlacesImportRow {
  line: number;
  email: string;
  /** Edition code (upper case) or id, as written. */
  edition: string;
  fundingKind: FundingKind;
  fundingName: string | null;
}

export interface PlacesImportProblem {
  line: number;
  column: PlacesImportColumn | null;
  key: string;
  values?: Record<string, string | number>;
}

function aliases<T extends string>(codes: readonly T[], labelId: (code: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(foldLabel(code), code);
    for (const locale of LOCALES) {
      const label = MESSAGES[locale][labelId(code)];
      if (label) map.set(foldLabel(label), code);
    }
  }
  return map;
}

/** Pure: rows of cells (a parsed CSV file) → import rows and their problems. */
export function readPlacesRows(sheet: readonly { line: number; cells: Cell[] }[]): {
  rows: PlacesImportRow[];
  problems: PlacesImportProblem[];
} {
  const headers = aliases(PLACES_IMPORT_COLUMNS, (c) => `places.import.column.${c}`);
  const fundings = aliases(FUNDING_KINDS, (k) => `places.funding.${k}`);
  const problems: PlacesImportProblem[] = [];
  const rows: PlacesImportRow[] = [];
  const headerIndex = sheet.findIndex((r) =>
    r.cells.some((c) => headers.get(foldLabel(cellText(c))) === 'email'),
  );
  if (headerIndex < 0) return { rows, problems: [{ line: 0, column: null, key: 'places.import.noHeader' }] };
  const columns: Partial<Record<PlacesImportColumn, number>> = {};
  sheet[headerIndex]!.cells.forEach((cell, index) => {
    const column = headers.get(foldLabel(cellText(cell)));
    if (column && columns[column] === undefined) columns[column] = index;
  });
  if (columns.edition === undefined)
    return { rows, problems: [{ line: 0, column: 'edition', key: 'places.import.missingColumn' }] };
  const data = sheet.slice(headerIndex + 1).filter((r) => r.cells.some((c) => cellText(c) !== ''));
  if (data.length === 0) return { rows, problems: [{ line: 0, column: null, key: 'places.import.empty' }] };
  if (data.length > PLACES_IMPORT_MAX_ROWS)
    return {
      rows,
      problems: [
        { line: 0, column: null, key: 'places.import.tooManyRows', values: { max: PLACES_IMPORT_MAX_ROWS } },
      ],
    };
  for (const { line, cells } of data) {
    const cell = (column: PlacesImportColumn) => {
      const index = columns[column];
      return index === undefined ? '' : cellText(cells[index]);
    };
    const problem = (column: PlacesImportColumn, key: string, values?: Record<string, string | number>) =>
      problems.push(values ? { line, column, key, values } : { line, column, key });
    const email = cell('email').toLowerCase();
    const edition = cell('edition');
    const fundingText = cell('funding');
    const fundingName = cell('funding_name');
    const fundingKind = fundingText === '' ? 'self' : fundings.get(foldLabel(fundingText));
    const before = problems.length;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
      problem('email', 'validation.invalidEmail');
    if (edition === '') problem('edition', 'validation.required');
    if (!fundingKind) problem('funding', 'places.import.unknownFunding', { value: fundingText });
    else if (fundingKind !== 'self' && fundingName === '')
      problem('funding_name', 'places.validation.fundingNameNeeded');
    if (fundingName.length > FUNDING_NAME_MAX)
      problem('funding_name', 'validation.tooLong', { max: FUNDING_NAME_MAX });
    if (problems.length > before) continue;
    rows.push({
      line,
      email,
      edition: isId(edition.toLowerCase()) ? edition.toLowerCase() : edition.toUpperCase(),
      fundingKind: fundingKind!,
      fundingName: fundingKind === 'self' || fundingName === '' ? null : fundingName,
    });
  }
  return { rows, problems };
}

/** What exists, as the rows refer to it. */
export interface PlacesImportLookups {
  /** Email → person id. */
  people: ReadonlyMap<string, string>;
  /** Edition code or id → edition. */
  editions: ReadonlyMap<string, { id: string; status: string; capacity: number | null }>;
  /** Edition id → its places per status. */
  counts: ReadonlyMap<string, PlaceCounts>;
  /** `editionId|userId` → the person's place status. */
  places: ReadonlyMap<string, string>;
}

export const placeKey = (editionId: string, userId: string) => `${editionId}|${userId}`;

/** A valid row, resolved. */
export interface PlannedEnrolment extends PlacesImportRow {
  userId: string;
  editionId: string;
  /** The person's place before: a request or waiting-list entry is confirmed; otherwise a new place. */
  from: string | null;
}

/**
 * Pure: checks rows against what exists: known people and editions, editions not cancelled, no one
 * enrolled already or twice in the file, and enough free places in each edition for its rows together.
 */
export function checkPlacesRows(
  rows: readonly PlacesImportRow[],
  lookups: PlacesImportLookups,
): { planned: PlannedEnrolment[]; problems: PlacesImportProblem[] } {
  const problems: PlacesImportProblem[] = [];
  const planned: PlannedEnrolment[] = [];
  const seen = new Map<string, number>();
  const counts = new Map<string, PlaceCounts>();
  for (const row of rows) {
    const problem = (column: PlacesImportColumn, key: string, values?: Record<string, string | number>) =>
      problems.push(values ? { line: row.line, column, key, values } : { line: row.line, column, key });
    const userId = lookups.people.get(row.email);
    const edition = lookups.editions.get(row.edition);
    if (!userId) problem('email', 'validation.unknownPerson');
    if (!edition) problem('edition', 'places.import.unknownEdition', { value: row.edition });
    else if (edition.status === 'cancelled') problem('edition', 'places.error.cancelled');
    if (!userId || !edition || edition.status === 'cancelled') continue;
    const key = placeKey(edition.id, userId);
    const from = lookups.places.get(key) ?? null;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem('email', 'places.import.duplicate', { line: earlier });
      continue;
    }
    seen.set(key, row.line);
    if (from === 'enrolled') {
      problem('email', 'places.validation.alreadyEnrolled');
      continue;
    }
    const current = counts.get(edition.id) ?? { ...(lookups.counts.get(edition.id) ?? NO_PLACES) };
    counts.set(edition.id, current);
    const status = from === 'requested' ? 'requested' : 'new';
    if (!canConfirm(edition.capacity, current, status)) {
      problem('edition', 'places.error.full');
      continue;
    }
    current.enrolled += 1;
    if (status === 'requested') current.requested -= 1;
    planned.push({ ...row, userId, editionId: edition.id, from });
  }
  return { planned, problems };
}
