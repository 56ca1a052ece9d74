/**
 * The forums module's SQL for a forum's index: its threads in order with their post counts (the same for
 * every reader: kept, `forum-index.ts`), and one reader's standing in some of them (read marks, own posts,
 * posts since the last visit, the forum subscription), read per request.
 */
import type { Executor } from '../../../db/database.js';
import { reusableQuery } from '../../../db/reusable-query.js';
import type { ForumRow, ThreadRow } from '../forums.tables.js';

/** The forum of an index (an ordinary query, not a reusable one: the kept index's table test sees it). */
export async function findIndexedForum(db: Executor, forumId: string): Promise<ForumRow | undefined> {
  return db.selectFrom('forums').selectAll().where('id', '=', forumId).executeTakeFirst();
}

/** A thread of a forum's index with its posts counted (all, and those not hidden). */
export interface IndexedThreadRow extends ThreadRow {
  posts_all: number;
  posts_hidden: number;
  /** 1 when the thread's opening post (id = the thread's) is hidden (the thread is then hidden from participants). */
  opener_hidden: number;
}

/**
 * The threads of a forum, pinned first, then by last post (newest first), then by id, each with how many
 * posts it holds and how many of those are hidden (two index-only counts per thread).
 */
export async function listIndexedThreads(db: Executor, forumId: string): Promise<IndexedThreadRow[]> {
  const rows = await db
    .selectFrom('forum_threads as t')
    .selectAll('t')
    .select((eb) => [
      eb
        .selectFrom('forum_posts as p')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.thread_id', '=', 't.id')
        .as('posts_all'),
      eb
        .selectFrom('forum_posts as p')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.thread_id', '=', 't.id')
        .where('p.hidden', '=', 1)
        .as('posts_hidden'),
      // The opening post has the thread's id.
      eb.selectFrom('forum_posts as p').select('p.hidden').whereRef('p.id', '=', 't.id').as('opener_hidden'),
    ])
    .where('t.forum_id', '=', forumId)
    .orderBy('t.pinned', 'desc')
    .orderBy('t.last_post_at', 'desc')
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    posts_all: Number(r.posts_all ?? 0),
    posts_hidden: Number(r.posts_hidden ?? 0),
    opener_hidden: Number(r.opener_hidden ?? 0),
  }));
}

/** One reader's standing in a thread of the index. */
export interface ReaderThreadRow {
  threadId: string;
  lastReadAt: string | null;
  hasPosted: boolean;
  /** The reader's own posts they may count (hidden ones only for staff). */
  ownCounted: number;
  /** Others' posts they may count, newer than their last visit (null: never opened). */
  unreadSince: number | null;
}

/** The reader's standing in the forum: their forum subscription and, per thread asked, `ReaderThreadRow`. */
export interface ReaderStandingRows {
  subscription: string | null;
  threads: ReaderThreadRow[];
}

/** Threads asked about per statement (the web page's threads fit in one; the list is padded to this size). */
export const STANDING_BATCH = 25;

/**
 * The statement of `readerStandingInForum`: the forum, its threads (those named by `threadIds` when
 * given, else every one), the reader's read marks, and per thread what the reader may count. Built and
 * compiled once per engine and shape (`reusableQuery`): a list of ids is always `STANDING_BATCH` long.
 */
function standingQuery(
  db: Executor,
  forumId: string,
  readerId: string,
  hiddenAtMost: number,
  threadIds?: string[],
) {
  return db
    .selectFrom('forums as f')
    .leftJoin('forum_threads as t', (j) => {
      const join = j.onRef('t.forum_id', '=', 'f.id');
      return threadIds ? join.on('t.id', 'in', threadIds) : join;
    })
    .leftJoin('forum_reads as r', (j) => j.onRef('r.thread_id', '=', 't.id').on('r.user_id', '=', readerId))
    .select((eb) => [
      't.id as thread_id',
      'r.last_read_at',
      eb
        .selectFrom('forum_subscriptions as s')
        .select('s.mode')
        .where('s.user_id', '=', readerId)
        .where('s.target_kind', '=', 'forum')
        .whereRef('s.target_id', '=', 'f.id')
        .as('subscription'),
      eb
        .exists(
          eb
            .selectFrom('forum_posts as mine')
            .select('mine.id')
            .whereRef('mine.thread_id', '=', 't.id')
            .where('mine.author_id', '=', readerId),
        )
        .as('has_posted'),
      eb
        .selectFrom('forum_posts as own')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('own.thread_id', '=', 't.id')
        .where('own.author_id', '=', readerId)
        .where('own.hidden', '<=', hiddenAtMost)
        .as('own_counted'),
      eb
        .case()
        .when('r.last_read_at', 'is', null)
        .then(null)
        .else(
          eb
            .selectFrom('forum_posts as p')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('p.thread_id', '=', 't.id')
            .whereRef('p.created_at', '>', 'r.last_read_at')
            .where('p.author_id', '<>', readerId)
            .where('p.hidden', '<=', hiddenAtMost),
        )
        .end()
        .as('unread_since'),
    ])
    .where('f.id', '=', forumId);
}

const standingInEveryThread = reusableQuery((db, forumId: string, readerId: string, hiddenAtMost: number) =>
  standingQuery(db, forumId, readerId, hiddenAtMost),
);
const standingInThreads = reusableQuery(
  (db, forumId: string, readerId: string, hiddenAtMost: number, ...threadIds: string[]) =>
    standingQuery(db, forumId, readerId, hiddenAtMost, threadIds),
);

/**
 * `readerId`'s subscription to the forum and their standing in `threadIds` of it (every thread when
 * `'all'`): one statement per `STANDING_BATCH` threads. Hidden posts are counted only when `includeHidden`.
 * Posts newer than the read mark are counted only for threads the reader has opened (the others' unread
 * count is the thread's counted posts less the reader's own: no walk over every post of a thread never
 * opened).
 */
export async function readerStandingInForum(
  db: Executor,
  forumId: string,
  readerId: string,
  includeHidden: boolean,
  threadIds: readonly string[] | 'all',
): Promise<ReaderStandingRows> {
  const hiddenAtMost = includeHidden ? 1 : 0;
  const rows = [];
  if (threadIds === 'all') rows.push(...(await standingInEveryThread(db, forumId, readerId, hiddenAtMost)));
  else
    for (let start = 0; start === 0 || start < threadIds.length; start += STANDING_BATCH) {
      // Padded with ids no thread has: the statement's shape stays the same.
      const batch = Array.from({ length: STANDING_BATCH }, (_, i) => threadIds[start + i] ?? '');
      rows.push(...(await standingInThreads(db, forumId, readerId, hiddenAtMost, ...batch)));
    }
  return {
    subscription: rows[0]?.subscription ?? null,
    threads: rows.flatMap((r) =>
      r.thread_id
        ? [
            {
              threadId: r.thread_id,
              lastReadAt: r.last_read_at ?? null,
              hasPosted: Boolean(r.has_posted),
              ownCounted: Number(r.own_counted ?? 0),
              unreadSince:
                r.unread_since === null || r.unread_since === undefined ? null : Number(r.unread_since),
            },
          ]
        : [],
    ),
  };
}
