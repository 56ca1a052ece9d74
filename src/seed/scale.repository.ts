import type { Executor } from '../db/database.js';
import { foldForSearch } from '../kernel/search-fold.js';
import type { NewUserRow } from '../modules/identity/identity.tables.js';
import type { CandidacyRow, ResultRow } from '../modules/pathway/pathway.tables.js';
import type { EnrolmentRow } from '../modules/places/places.tables.js';

/**
 * Bulk inserts for the scale data generator (`diploma seed --scale N`, benchmarks). It writes rows
 * directly, without audit events: it makes synthetic data, not records of anyone's actions.
 */

/** Rows per INSERT: under SQLite's 32,766 bound parameters for the widest table here. */
const ROWS_PER_STATEMENT = 500;

async function insertChunked<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    await write(rows.slice(i, i + ROWS_PER_STATEMENT));
}

export function insertUsersBulk(db: Executor, rows: readonly NewUserRow[]) {
  const folded = rows.map((row) => ({ ...row, search_name: foldForSearch(row.full_name) }));
  return insertChunked(folded, (chunk) => db.insertInto('users').values(chunk).execute());
}

export function insertRoleGrantsBulk(
  db: Executor,
  rows: readonly { user_id: string; role: string; granted_by: null; granted_at: string }[],
) {
  return insertChunked(rows, (chunk) => db.insertInto('role_grants').values(chunk).execute());
}

export function insertCandidaciesBulk(db: Executor, rows: readonly CandidacyRow[]) {
  return insertChunked(rows, (chunk) => db.insertInto('candidacies').values(chunk).execute());
}

export function insertEnrolmentsBulk(db: Executor, rows: readonly EnrolmentRow[]) {
  return insertChunked(rows, (chunk) => db.insertInto('enrolments').values(chunk).execute());
}

export function insertResultsBulk(db: Executor, rows: readonly ResultRow[]) {
  return insertChunked(rows, (chunk) => db.insertInto('results').values(chunk).execute());
}

/** Editions with their course code and dates (the generator picks histories among them). */
export function listEditionsForScale(db: Executor) {
  return db
    .selectFrom('editions')
    .innerJoin('courses', 'courses.id', 'editions.course_id')
    .select([
      'editions.id',
      'editions.course_id',
      'editions.starts_on',
      'editions.ends_on',
      'editions.language',
      'courses.code',
      'courses.credential_on_success',
    ])
    .where('editions.status', '=', 'scheduled')
    .execute();
}

/** The candidacy rows of a programme, in id order, a page at a time. */
export function listCandidacyPage(db: Executor, programmeId: string, afterId: string, limit: number) {
  return db
    .selectFrom('candidacies')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}
