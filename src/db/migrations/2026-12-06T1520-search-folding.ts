/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. One folding for every search (issue 10.9, src/kernel/search-fold.ts):
 * - `users.search_name`: the person's full name folded, which the people and candidates searches match
 *   ("nguyen" finds "Nguyễn"), filled for everyone;
 * - the catalogue's search documents refolded: ligatures spelled out ("œuvre" → "oeuvre", "ß" → "ss") and
 *   apostrophes made straight. The documents were folded already (lower case, no diacritics), so
 *   refolding them gives what folding the courses' texts anew would.
 * The folding is copied here as it was on this date (a migration imports no application code).
 */
import type { Kysely } from 'kysely';

const SPELLED_OUT: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
};
const SPELLED_OUT_LETTERS = new RegExp(`[${Object.keys(SPELLED_OUT).join('')}]`, 'gu');
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02B9\u02BB\u02BC\u02BD\u02C8\u0060\u00B4\u2032\uFF07]/gu;

function fold(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(SPELLED_OUT_LETTERS, (letter) => SPELLED_OUT[letter] ?? letter)
    .replace(APOSTROPHES, "'");
  return folded.normalize('NFKD') === folded ? folded : fold(folded);
}

const BATCH = 500;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('search_name', 'text').execute();
  for (let after = ''; ; ) {
    const people = await db
      .selectFrom('users')
      .select(['id', 'full_name'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const person of people)
      await db
        .updateTable('users')
        .set({ search_name: fold(person.full_name) })
        .where('id', '=', person.id)
        .execute();
    if (people.length < BATCH) break;
    after = people[people.length - 1]!.id;
  }
  const documents = await db.selectFrom('course_search').select(['course_id', 'body']).execute();
  for (const document of documents) {
    const body = fold(document.body);
    if (body === document.body) continue;
    // FTS5 (SQLite) rows change like any other; PostgreSQL recomputes the generated tsvector.
    await db.updateTable('course_search').set({ body }).where('course_id', '=', document.course_id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('search_name').execute();
}
