/**
 * The one folding of text for search, used on both sides of every search (the stored documents and
 * columns, and the query): candidates and people by name, the catalogue's full-text search on SQLite and
 * PostgreSQL. Lower case, no diacritics (NFKD, combining marks removed: "Nguyễn" → "nguyen"), ligatures
 * and letters that do not decompose spelled out ("œuvre" → "oeuvre", "Straße" → "strasse", "Ørsted" →
 * "orsted"), and every apostrophe and look-alike as the straight one ("l’île" → "l'ile"). Pure.
 *
 * Changing it changes what stored documents must hold: add a migration or job that refolds them
 * (docs/architecture.md § Storage).
 */

/** Letters that NFKD leaves whole, as their usual Latin spelling (lower case: the text is lowered first). */
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
/** Curly and typographic apostrophes, primes and accents used as apostrophes. */
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02B9\u02BB\u02BC\u02BD\u02C8\u0060\u00B4\u2032\uFF07]/gu;
const MARKS = /\p{M}+/gu;

/** Folds text for search: see the file comment. Idempotent. */
export function foldForSearch(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPELLED_OUT_LETTERS, (letter) => SPELLED_OUT[letter] ?? letter)
    .replace(APOSTROPHES, "'");
  // Lowering can, rarely, produce a letter that decomposes again (folding must be idempotent).
  return folded.normalize('NFKD') === folded ? folded : foldForSearch(folded);
}
