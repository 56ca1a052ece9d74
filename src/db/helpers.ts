import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { type Dialect, dialectOf, type Executor } from './database.js';

/**
 * The few places where SQLite and PostgreSQL need different SQL, each solved once here.
 */

/** Escapes `%`, `_` and `\` so user text is matched literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (c) => `\\${c}`);
}

/**
 * `column` contains `text`, ignoring case (ASCII on SQLite, full Unicode lower() on PostgreSQL).
 * LIKE is case-insensitive on SQLite and case-sensitive on PostgreSQL, hence lower() on both sides.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${escapeLike(text.toLowerCase())}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** Turns folded search text into the engine's full-text query: every word must match, as a prefix. */
export function fullTextQuery(dialect: Dialect, foldedText: string): string | null {
  const words = foldedText
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  if (dialect === 'sqlite') return words.map((w) => `"${w}"*`).join(' ');
  return words.map((w) => `${w}:*`).join(' & ');
}

/** The ids of courses whose search document matches a full-text query built by `fullTextQuery`. */
export function courseSearchMatches(db: Executor, query: string) {
  if (dialectOf(db) === 'sqlite') {
    return db
      .selectFrom('course_search')
      .select('course_search.course_id')
      .where(sql<boolean>`course_search match ${query}`);
  }
  return db
    .selectFrom('course_search')
    .select('course_search.course_id')
    .where(sql<boolean>`body_tsv @@ to_tsquery('simple', ${query})`);
}

/**
 * Locks the selected rows until the transaction ends, skipping rows that another transaction holds
 * (`FOR UPDATE SKIP LOCKED` on PostgreSQL: two job runners never claim the same job). A no-op on SQLite,
 * which has a single writer and no row locks (the syntax does not exist there).
 */
export function forUpdateSkipLocked<DB, TB extends keyof DB, O>(
  db: Executor,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(db) === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/**
 * Locks the selected rows until the transaction ends (`FOR UPDATE` on PostgreSQL: a second writer waits,
 * so a read-modify-write of the row cannot lose an update). A no-op on SQLite, whose single writer already
 * serialises write transactions.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  db: Executor,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}

/** True when `error` is a unique-constraint violation, on either engine (a "only once" rule held). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
