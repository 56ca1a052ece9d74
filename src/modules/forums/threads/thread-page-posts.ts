/**
 * A page of a thread's posts as stored: the posts with their authors' names, their files and their earlier
 * texts. The same for every reader until one of its tables is written, so it is kept per (thread, page size,
 * page) (`KeptResults`, docs/decisions/0009-kept-fragments.md): what a reader may see of it (hidden posts,
 * "post first"), what is new to them and their own posts' actions are decided per request in
 * `read-forums.ts`. A kept value is a new object after any change to its tables, so HTML rendered from it
 * (`views/kept-posts.tsx`) can be kept on the object itself. Kept values are frozen.
 */
import type { Executor } from '../../../db/database.js';
import { deepFreeze, KeptResults } from '../../../db/kept-results.js';
import { type AttachmentView, attachmentsOfPosts } from '../attachments/attach-files.js';
import { listPostEdits, listPostsOfThreadWithNames } from '../forums.repository.js';
import type { PostRow } from '../forums.tables.js';

/**
 * Every table a page of posts is read from: a write to one of them makes every kept page stale.
 * `thread-page-posts.integration.test.ts` checks the list against the SQL the page really runs.
 */
export const THREAD_PAGE_POSTS_TABLES = [
  'forum_posts',
  'users',
  'forum_attachments',
  'forum_post_edits',
] as const;

export interface ThreadPagePosts {
  /** The page's posts in the thread's order, each with its author's name (hidden ones included). */
  rows: readonly (PostRow & { author_name: string | null })[];
  /** Their files, by post id. */
  files: ReadonlyMap<string, readonly AttachmentView[]>;
  /** Their earlier texts, oldest first, by post id (shown to staff only). */
  edits: ReadonlyMap<string, readonly { body: string; editedAt: string }[]>;
}

/** Pages kept at most (least recently viewed dropped first), weighed by their posts' characters. */
const kept = new KeptResults<ThreadPagePosts>({
  tables: THREAD_PAGE_POSTS_TABLES,
  maxEntries: 2_000,
  weigh: (page) => page.rows.reduce((sum, r) => sum + r.body.length, 1),
  maxWeight: 8_000_000,
});

/** Reads a page of posts from the database (three statements at most), without keeping it. */
export async function readThreadPagePosts(
  db: Executor,
  threadId: string,
  perPage: number,
  page: number,
): Promise<ThreadPagePosts> {
  const rows = await listPostsOfThreadWithNames(db, threadId, perPage, (page - 1) * perPage);
  const ids = rows.map((r) => r.id);
  const files = await attachmentsOfPosts(db, ids);
  const edits = new Map<string, { body: string; editedAt: string }[]>();
  for (const e of await listPostEdits(db, ids)) {
    const list = edits.get(e.post_id) ?? [];
    list.push({ body: e.body, editedAt: e.edited_at });
    edits.set(e.post_id, list);
  }
  // Maps are not frozen by `deepFreeze` (their entries are): nothing writes to them after this.
  return deepFreeze({ rows, files, edits });
}

/** Page `page` of a thread (`perPage` posts a page), kept until one of its tables is written. */
export function threadPagePosts(
  db: Executor,
  threadId: string,
  perPage: number,
  page: number,
): Promise<ThreadPagePosts> {
  return kept.get(db, `${threadId}|${perPage}|${page}`, () =>
    readThreadPagePosts(db, threadId, perPage, page),
  );
}
