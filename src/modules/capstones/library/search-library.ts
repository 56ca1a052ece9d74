import type { Executor } from '../../../db/database.js';
import { KeptResults } from '../../../db/kept-results.js';
import type { Services } from '../../../deps.js';
import { foldForSearch } from '../../../kernel/search-fold.js';
import { parseInput } from '../../../kernel/validation.js';
import { type Abstracts, type CapstoneLanguage, LIBRARY_PAGE_SIZE } from '../capstone.js';
import { LIBRARY_TABLES } from '../capstone-kept-tables.js';
import { listAttempts } from '../capstones.repository.js';
import { type LibrarySearch, librarySearchSchema } from '../capstones.schemas.js';
import type { CapstoneRow } from '../capstones.tables.js';
import {
  listPublishedThemes,
  listSubmittedAttemptsOf,
  searchLibrary as searchRows,
} from './capstone-library.repository.js';

/** A library entry as lists and the public API show it. */
export interface LibraryItem {
  id: string;
  title: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  themes: string[];
  language: CapstoneLanguage;
  abstract: string;
  year: number;
  url: string;
}

export interface LibraryPage {
  items: LibraryItem[];
  total: number;
  page: number;
  pages: number;
  filter: LibrarySearch;
}

/**
 * Searches kept by their checked filter until a capstone, an attempt or the index changes (the library
 * is public and read-mostly: the same few searches come again and again). Shared by the page and the API;
 * never mutated by their callers.
 */
const KEPT_SEARCHES = new KeptResults<LibraryPage>({ tables: LIBRARY_TABLES, maxEntries: 500 });
const KEPT_THEMES = new KeptResults<string[]>({ tables: LIBRARY_TABLES, maxEntries: 1 });

/** The abstract of the last attempt in the capstone's language (else any). */
export async function abstractOf(db: Executor, row: CapstoneRow): Promise<Abstracts> {
  const last = (await listAttempts(db, row.id)).filter((a) => a.submitted_at !== null).at(-1);
  return last ? (JSON.parse(last.abstracts_json) as Abstracts) : {};
}

export const libraryUrl = (baseUrl: string, id: string) =>
  `${baseUrl.replace(/\/+$/, '')}/library/capstones/${encodeURIComponent(id)}`;

/** Pure-ish: a published row as a library item. */
export async function libraryItem(db: Executor, baseUrl: string, row: CapstoneRow): Promise<LibraryItem> {
  return itemOf(baseUrl, row, await abstractOf(db, row));
}

/** Pure: a published row and its last abstracts as a library item. */
function itemOf(baseUrl: string, row: CapstoneRow, abstracts: Abstracts): LibraryItem {
  const language = row.language as CapstoneLanguage;
  return {
    id: row.id,
    title: row.title,
    country: row.country,
    themes: JSON.parse(row.themes_json) as string[],
    language,
    abstract: abstracts[language] ?? Object.values(abstracts)[0] ?? '',
    year: Number((row.completed_on ?? row.updated_at).slice(0, 4)),
    url: libraryUrl(baseUrl, row.id),
  };
}

/**
 * The public library: published (consented, passed) capstones only, searched in their title, question,
 * themes, abstracts and the country's name in every interface language; filtered by country, theme,
 * language and year; 20 a page, newest first. Anyone may search (no sign-in).
 */
export async function searchLibrary(
  db: Executor,
  deps: Pick<Services, 'config'>,
  input: unknown,
): Promise<LibraryPage> {
  const filter = parseInput(librarySearchSchema, input);
  return KEPT_SEARCHES.get(db, JSON.stringify(filter), () => findLibraryPage(db, deps, filter));
}

/** One page of the library's search, read from the database. */
async function findLibraryPage(
  db: Executor,
  deps: Pick<Services, 'config'>,
  filter: LibrarySearch,
): Promise<LibraryPage> {
  const { rows, total } = await searchRows(
    db,
    {
      folded: foldForSearch(filter.q),
      country: filter.country,
      theme: filter.theme,
      language: filter.language,
      year: filter.year === '' ? null : filter.year,
    },
    LIBRARY_PAGE_SIZE,
    (filter.page - 1) * LIBRARY_PAGE_SIZE,
  );
  // The last submitted attempt of each row holds its abstracts: one query for the page.
  const last = new Map<string, Abstracts>();
  for (const attempt of await listSubmittedAttemptsOf(
    db,
    rows.map((r) => r.id),
  ))
    last.set(attempt.capstone_id, JSON.parse(attempt.abstracts_json) as Abstracts);
  const items = rows.map((row) => itemOf(deps.config.baseUrl, row, last.get(row.id) ?? {}));
  return {
    items,
    total,
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / LIBRARY_PAGE_SIZE)),
    filter,
  };
}

/** The themes of published capstones (the library's theme filter). */
export async function libraryThemes(db: Executor): Promise<string[]> {
  return KEPT_THEMES.get(db, 'themes', () => listPublishedThemes(db));
}
