/**
 * The thread page's reading of a thread: the thread with its forum and one reader's standing in one statement,
 * and where a post stands in its thread's order (its page).
 */
import type { Executor } from '../../../db/database.js';
import { reusableQuery } from '../../../db/reusable-query.js';
import type { ForumRow, ThreadRow } from '../forums.tables.js';

/** A thread with its forum and what one reader's page needs of it (`threadForReader`). */
export interface ThreadForReaderRow extends ThreadRow {
  forum: ForumRow;
  postCount: number;
  lastReadAt: string | null;
  subscription: string | null;
  hasPosted: boolean;
  /** How many of the thread's posts are not newer than the reader's read mark (where "new" starts). */
  readCount: number;
}

// The thread page's first statement: the thread, its forum, its post count, and the reader's read mark,
// thread subscription and whether they have posted there (five statements before).
const threadWithReader = reusableQuery((db, threadId: string, userId: string) =>
  db
    .selectFrom('forum_threads as t')
    .innerJoin('forums as f', 'f.id', 't.forum_id')
    .selectAll('t')
    .select([
      'f.edition_id as f_edition_id',
      'f.scope_kind as f_scope_kind',
      'f.scope_id as f_scope_id',
      'f.title as f_title',
      'f.audience as f_audience',
      'f.posting_rule as f_posting_rule',
      'f.created_at as f_created_at',
      'f.posting_opens_at as f_posting_opens_at',
      'f.posting_closes_at as f_posting_closes_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('forum_posts')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('forum_posts.thread_id', '=', 't.id')
        .as('post_count'),
      eb
        .selectFrom('forum_reads')
        .select('forum_reads.last_read_at')
        .whereRef('forum_reads.thread_id', '=', 't.id')
        .where('forum_reads.user_id', '=', userId)
        .as('last_read_at'),
      eb
        .selectFrom('forum_subscriptions')
        .select('forum_subscriptions.mode')
        .whereRef('forum_subscriptions.target_id', '=', 't.id')
        .where('forum_subscriptions.target_kind', '=', 'thread')
        .where('forum_subscriptions.user_id', '=', userId)
        .as('subscription'),
      eb
        .exists(
          eb
            .selectFrom('forum_posts as mine')
            .select('mine.id')
            .whereRef('mine.thread_id', '=', 't.id')
            .where('mine.author_id', '=', userId),
        )
        .as('has_posted'),
      // Where "new since the last visit" starts: the posts after the read mark (none for a thread never
      // opened). Counted from the mark on (the index on thread and time): a returning reader with nothing new
      // costs no second pass over the thread's posts, as counting the posts up to the mark did.
      eb
        .selectFrom('forum_posts as newer')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('newer.thread_id', '=', 't.id')
        .where(
          'newer.created_at',
          '>',
          eb
            .selectFrom('forum_reads as mark')
            .select('mark.last_read_at')
            .whereRef('mark.thread_id', '=', 't.id')
            .where('mark.user_id', '=', userId),
        )
        .as('newer_count'),
    ])
    .where('t.id', '=', threadId),
);

/** The thread `threadId` with its forum and `userId`'s standing in it (empty `userId`: nobody's). */
export async function findThreadForReader(
  db: Executor,
  threadId: string,
  userId: string,
): Promise<ThreadForReaderRow | undefined> {
  const [row] = await threadWithReader(db, threadId, userId);
  if (!row) return undefined;
  const postCount = Number(row.post_count ?? 0);
  const lastReadAt = row.last_read_at ?? null;
  return {
    id: row.id,
    forum_id: row.forum_id,
    edition_id: row.edition_id,
    subject: row.subject,
    author_id: row.author_id,
    persona: row.persona,
    pinned: row.pinned,
    locked: row.locked,
    created_at: row.created_at,
    last_post_at: row.last_post_at,
    forum: {
      id: row.forum_id,
      edition_id: row.f_edition_id,
      scope_kind: row.f_scope_kind,
      scope_id: row.f_scope_id,
      title: row.f_title,
      audience: row.f_audience,
      posting_rule: row.f_posting_rule,
      created_at: row.f_created_at,
      posting_opens_at: row.f_posting_opens_at,
      posting_closes_at: row.f_posting_closes_at,
    },
    postCount,
    lastReadAt,
    subscription: row.subscription ?? null,
    hasPosted: Boolean(row.has_posted),
    readCount: lastReadAt === null ? 0 : Math.max(0, postCount - Number(row.newer_count ?? 0)),
  };
}

// The thread's order is (created_at, id), as the thread page lists it.
const postsBefore = reusableQuery((db, threadId: string, createdAt: string, postId: string) =>
  db
    .selectFrom('forum_posts')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('thread_id', '=', threadId)
    .where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', postId)]),
      ]),
    ),
);

/** How many posts of its thread come before a post (hidden ones included, as the pages count them). */
export async function countPostsBefore(
  db: Executor,
  post: { thread_id: string; created_at: string; id: string },
): Promise<number> {
  const [row] = await postsBefore(db, post.thread_id, post.created_at, post.id);
  return Number(row?.n ?? 0);
}
