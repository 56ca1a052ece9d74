/**
 * Bulk inserts of forum rows for the scale data of benchmarks (bench/forums-data.ts): synthetic threads,
 * posts with their search documents, and subscriptions, written directly (no notifications, no audit):
 * synthetic data, not records of anyone's actions.
 */
import type { Executor } from '../../db/database.js';
import { foldForSearch } from '../../kernel/search-fold.js';
import type { PostRow, SubscriptionRow, ThreadRow } from './forums.tables.js';

/** Rows per INSERT: under SQLite's 32,766 bound parameters for the widest row here. */
const ROWS_PER_STATEMENT = 500;

async function chunked<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    await write(rows.slice(i, i + ROWS_PER_STATEMENT));
}

export async function insertThreadsBulk(db: Executor, rows: readonly ThreadRow[]): Promise<void> {
  await chunked(rows, (chunk) => db.insertInto('forum_threads').values(chunk).execute());
}

/** Posts and their search documents (the opening post of a thread carries its subject, as posting does). */
export async function insertPostsBulk(
  db: Executor,
  rows: readonly PostRow[],
  subjects: ReadonlyMap<string, string>,
): Promise<void> {
  await chunked(rows, (chunk) => db.insertInto('forum_posts').values(chunk).execute());
  const documents = rows.map((r) => ({
    post_id: r.id,
    body: foldForSearch(r.id === r.thread_id ? `${subjects.get(r.thread_id) ?? ''}\n${r.body}` : r.body),
  }));
  await chunked(documents, (chunk) => db.insertInto('forum_post_search').values(chunk).execute());
}

export async function insertSubscriptionsBulk(db: Executor, rows: readonly SubscriptionRow[]): Promise<void> {
  await chunked(rows, (chunk) => db.insertInto('forum_subscriptions').values(chunk).execute());
}
