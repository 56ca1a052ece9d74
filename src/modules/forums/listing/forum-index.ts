/**
 * A forum's index as stored: the forum, its threads in order (pinned first, newest activity first) with
 * their authors' names and how many posts each holds (all, and not hidden). The same for every reader
 * until one of its tables is written, so it is kept per forum (`KeptResults`,
 * docs/decisions/0009-kept-fragments.md): before, every view of a forum counted every post of every thread
 * for its reader (5,000 posts: 12 ms of CPU a view). What a reader may see and what is new for them are
 * decided per request in `read-forums.ts`, for the threads of the page shown only. Kept values are frozen.
 */
import type { Executor } from '../../../db/database.js';
import { deepFreeze, KeptResults } from '../../../db/kept-results.js';
import { personNames } from '../../identity/identity.queries.js';
import type { ForumRow } from '../forums.tables.js';
import { findIndexedForum, listIndexedThreads } from './forum-index.repository.js';

/**
 * Every table the index is read from: a write to one of them makes every kept index stale.
 * `forum-index.integration.test.ts` checks the list against the SQL the index really runs.
 */
export const FORUM_INDEX_TABLES = ['forums', 'forum_threads', 'forum_posts', 'users'] as const;

export interface IndexedThread {
  id: string;
  subject: string;
  authorId: string;
  /** The author's name (who sees it instead of the persona is decided per reader). */
  authorName: string;
  persona: string | null;
  pinned: boolean;
  locked: boolean;
  createdAt: string;
  lastPostAt: string;
  /** Every post of the thread (what staff count). */
  posts: number;
  /** Its posts not hidden (what participants count). */
  visiblePosts: number;
  /** Its first post is hidden: the thread (subject, author) is hidden from everyone but staff. */
  openerHidden: boolean;
}

export interface ForumIndex {
  forum: ForumRow;
  threads: readonly IndexedThread[];
}

/** Forums kept at most (least recently viewed dropped first), and threads kept at most in all. */
const kept = new KeptResults<ForumIndex | null>({
  tables: FORUM_INDEX_TABLES,
  maxEntries: 500,
  weigh: (index) => 1 + (index?.threads.length ?? 0),
  maxWeight: 200_000,
});

/** Reads the index from the database (three statements), without keeping it; null when no such forum. */
export async function readForumIndex(db: Executor, forumId: string): Promise<ForumIndex | null> {
  const forum = await findIndexedForum(db, forumId);
  if (!forum) return null;
  const rows = await listIndexedThreads(db, forum.id);
  const names = await personNames(
    db,
    rows.map((r) => r.author_id),
  );
  return deepFreeze({
    forum,
    threads: rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      authorId: r.author_id,
      authorName: names.get(r.author_id) ?? '',
      persona: r.persona,
      pinned: r.pinned === 1,
      locked: r.locked === 1,
      createdAt: r.created_at,
      lastPostAt: r.last_post_at,
      posts: r.posts_all,
      visiblePosts: r.posts_all - r.posts_hidden,
      openerHidden: r.opener_hidden === 1,
    })),
  });
}

/**
 * Whether a thread's first post is hidden (from its forum's kept index): then only staff may open the thread,
 * list it or find it (its subject and author are the hidden post's).
 */
export async function isOpenerHidden(db: Executor, forumId: string, threadId: string): Promise<boolean> {
  const index = await forumIndex(db, forumId);
  return index?.threads.find((t) => t.id === threadId)?.openerHidden ?? false;
}

/** The forum's index, kept until one of `FORUM_INDEX_TABLES` is written (null: no such forum). */
export function forumIndex(db: Executor, forumId: string): Promise<ForumIndex | null> {
  return kept.get(db, forumId, () => readForumIndex(db, forumId));
}
