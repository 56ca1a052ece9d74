/** The capstone library's SQL: its full-text index (published capstones only) and its search. */

import { sql } from 'kysely';
import { dialectOf, type Executor } from '../../../db/database.js';
import { escapeLike, fullTextQuery } from '../../../db/helpers.js';
import { libraryFilterWords } from '../capstone.js';
import type { CapstoneAttemptRow, CapstoneRow } from '../capstones.tables.js';

/** The library's filters, already checked (folded query text; empty means no filter). */
export interface LibraryFilter {
  folded: string;
  country: string;
  theme: string;
  language: string;
  year: number | null;
}

/** Puts a published capstone's search document in the library's full-text index (replacing it). */
export async function indexLibraryEntry(db: Executor, capstoneId: string, body: string): Promise<void> {
  await unindexLibraryEntry(db, capstoneId);
  await db.insertInto('capstone_library_search').values({ capstone_id: capstoneId, body }).execute();
}

/** Takes a capstone out of the library's full-text index (consent withdrawn). */
export async function unindexLibraryEntry(db: Executor, capstoneId: string): Promise<void> {
  await db.deleteFrom('capstone_library_search').where('capstone_id', '=', capstoneId).execute();
}

/** Many search documents at once (the bench's scale data). */
export async function indexManyLibraryEntries(
  db: Executor,
  rows: readonly { capstone_id: string; body: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('capstone_library_search')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** The ids of published capstones whose search document matches a query built by `fullTextQuery`. */
function libraryMatches(db: Executor, query: string) {
  if (dialectOf(db) === 'sqlite')
    return db
      .selectFrom('capstone_library_search')
      .select('capstone_library_search.capstone_id')
      .where(sql<boolean>`capstone_library_search match ${query}`);
  return db
    .selectFrom('capstone_library_search')
    .select('capstone_library_search.capstone_id')
    .where(sql<boolean>`body_tsv @@ to_tsquery('simple', ${query})`);
}

/** The full-text query of a search: its words as prefixes, and its filters as the documents' filter words. */
function libraryQuery(dialect: ReturnType<typeof dialectOf>, filter: LibraryFilter): string | null {
  const words = fullTextQuery(dialect, filter.folded);
  if (!words) return null;
  const filters = libraryFilterWords({ ...filter, year: filter.year });
  if (dialect === 'sqlite') return [words, ...filters.map((w) => `"${w}"`)].join(' ');
  return [words, ...filters].join(' & ');
}

/** Published capstones only, newest first; the page and the total. Words are matched in the full-text index. */
export async function searchLibrary(
  db: Executor,
  filter: LibraryFilter,
  limit: number,
  offset: number,
): Promise<{ rows: CapstoneRow[]; total: number }> {
  const query = libraryQuery(dialectOf(db), filter);
  // With words to match, the full-text index must lead (a few hundred ids, looked up by primary key): on
  // SQLite a unary `+` keeps the planner from scanning every published row through a column's index.
  const column = (name: 'state' | 'published_at' | 'country' | 'language' | 'completed_on') =>
    query && dialectOf(db) === 'sqlite' ? sql<string>`+${sql.ref(name)}` : sql<string>`${sql.ref(name)}`;
  let base = db
    .selectFrom('capstones')
    .where(column('state'), '=', 'passed')
    .where(column('published_at'), 'is not', null);
  if (filter.country) base = base.where(column('country'), '=', filter.country);
  if (filter.language) base = base.where(column('language'), '=', filter.language);
  if (filter.year !== null)
    base = base
      .where(column('completed_on'), '>=', `${filter.year}-01-01`)
      .where(column('completed_on'), '<=', `${filter.year}-12-31`);
  if (filter.theme)
    base = base.where(
      sql<boolean>`${sql.ref('themes_json')} like ${`%${escapeLike(JSON.stringify(filter.theme).slice(1, -1))}%`} escape '\\'`,
    );
  if (query) base = base.where('capstones.id', 'in', libraryMatches(db, query));
  const rows = await base
    .selectAll()
    .orderBy('completed_on', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  // A short first page is the whole result: no second query to count it.
  if (offset === 0 && rows.length < limit) return { rows, total: rows.length };
  // The index holds published capstones only, with their country, language and year: without a theme it
  // counts the matches alone (no document is read).
  if (query && !filter.theme) {
    const counted = await db
      .selectFrom(libraryMatches(db, query).as('m'))
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .executeTakeFirst();
    return { rows, total: Number(counted?.n ?? 0) };
  }
  const count = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

/** Themes of published capstones (the library's filter). */
export async function listPublishedThemes(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('capstones')
    .select('themes_json')
    .distinct()
    .where('published_at', 'is not', null)
    .where('state', '=', 'passed')
    .execute();
  const out = new Set<string>();
  for (const row of rows) for (const theme of JSON.parse(row.themes_json) as string[]) out.add(theme);
  return [...out].sort();
}

/** The submitted attempts of some capstones, oldest first (one query for a page of the library). */
export async function listSubmittedAttemptsOf(
  db: Executor,
  capstoneIds: readonly string[],
): Promise<CapstoneAttemptRow[]> {
  if (capstoneIds.length === 0) return [];
  return db
    .selectFrom('capstone_attempts')
    .selectAll()
    .where('capstone_id', 'in', [...capstoneIds])
    .where('submitted_at', 'is not', null)
    .orderBy('attempt')
    .execute();
}
