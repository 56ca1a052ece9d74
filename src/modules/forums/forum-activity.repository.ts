/**
 * The forums module's SQL for what surrounds posts: the full-text index, subscriptions, digests, reports
 * and participation counts (only this module names these tables).
 */
import { sql } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.js';
import type { SubscriptionRow } from './forums.tables.js';

/**
 * Writes the search document of a post (text folded by the caller). An edit keeps the document's row: SQLite's
 * search hands out matches by row, newest first (`newestVisibleMatchesSqlite`), so an edited post keeps its
 * place.
 */
export async function savePostSearchDocument(db: Executor, postId: string, body: string): Promise<void> {
  const updated = await db
    .updateTable('forum_post_search')
    .set({ body })
    .where('post_id', '=', postId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db.insertInto('forum_post_search').values({ post_id: postId, body }).execute();
}

/**
 * PostgreSQL: the search documents matching `query` (built by `fullTextQuery`) as a sub-query of post ids,
 * through the GIN index (every match: used when the edition's newest posts hold too few).
 */
function postSearchMatches(db: Executor, query: string) {
  return db
    .selectFrom('forum_post_search')
    .select('forum_post_search.post_id')
    .where(sql<boolean>`body_tsv @@ to_tsquery('simple', ${query})`);
}

/**
 * PostgreSQL: how many of the edition's newest posts the search reads first. Its GIN index answers a
 * prefix query with every match (7,000–40,000 rows for common words over 100,000 posts, each read from the
 * heap: 70–90 ms), and the planner cannot tell; the newest posts checked one by one find 50 matches of
 * common words in a few milliseconds, and rare words go to the index, which then returns few rows.
 */
export const RECENT_WINDOW = 1000;

/**
 * PostgreSQL: the posts among the edition's RECENT_WINDOW newest that match. The match is written so that
 * the GIN index cannot serve it (`coalesce`): each candidate's row is checked through the primary key.
 */
function recentSearchMatches(db: Executor, editionId: string, query: string) {
  return db
    .selectFrom('forum_post_search')
    .select('forum_post_search.post_id')
    .where(
      'forum_post_search.post_id',
      'in',
      db
        .selectFrom('forum_posts')
        .select('forum_posts.id')
        .where('forum_posts.edition_id', '=', editionId)
        .orderBy('forum_posts.created_at', 'desc')
        .limit(RECENT_WINDOW),
    )
    .where(sql<boolean>`coalesce(body_tsv, ''::tsvector) @@ to_tsquery('simple', ${query})`);
}

/** Characters of a matching post's text the search reads: its excerpt's 240 and one to tell it was cut. */
export const EXCERPT_READ = 241;

interface SearchInput {
  editionId: string;
  query: string;
  forumIds: readonly string[];
  ownOnlyForumIds: readonly string[];
  readerId: string;
  includeHidden: boolean;
  limit: number;
}

/**
 * What the reader may find among posts `p`: in `forumIds` only; hidden posts for staff only; in
 * `ownOnlyForumIds` ("post first") only the reader's own.
 */
function visibleToReader(input: SearchInput) {
  const rules = [sql`${sql.ref('p.forum_id')} in (${sql.join(input.forumIds)})`];
  if (!input.includeHidden) rules.push(sql`${sql.ref('p.hidden')} = 0`);
  if (input.ownOnlyForumIds.length)
    rules.push(
      sql`(${sql.ref('p.forum_id')} not in (${sql.join(input.ownOnlyForumIds)}) or ${sql.ref('p.author_id')} = ${input.readerId})`,
    );
  return sql<boolean>`${sql.join(rules, sql` and `)}`;
}

/**
 * SQLite: the newest `limit` visible matches in one statement. FTS5 hands out its matches newest first
 * (`order by rowid desc` is consumed by the index: documents are written when their post is, and an edit
 * keeps its row) and SQLite checks each against its post by primary key, stopping at `limit`: for common
 * words a few dozen rows are read, not the thousands that match; the excerpt is cut for the rows returned
 * only. A visible match is never missed, whatever other editions hold (no window of matches).
 */
async function newestVisibleMatchesSqlite(db: Executor, input: SearchInput) {
  const q = db
    .selectFrom('forum_post_search')
    .innerJoin('forum_posts as p', 'p.id', 'forum_post_search.post_id')
    .innerJoin('forum_threads as t', 't.id', 'p.thread_id')
    .select(['p.id', 'p.thread_id', 'p.author_id', 'p.persona', 'p.created_at', 't.subject'])
    .select(sql<string>`substr(${sql.ref('p.body')}, 1, ${EXCERPT_READ})`.as('body'))
    .where(sql<boolean>`forum_post_search match ${input.query}`)
    // `+` keeps SQLite off the edition's index: walking the edition's posts newest first and testing each
    // against the matches reads thousands of rows; the matches come first, each post read by primary key.
    .where(sql<string>`+${sql.ref('p.edition_id')}`, '=', input.editionId)
    .where(visibleToReader(input));
  const rows = await q.orderBy(sql`forum_post_search.rowid`, 'desc').limit(input.limit).execute();
  return rows.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
}

function visibleMatches(
  db: Executor,
  input: SearchInput,
  matches: ReturnType<typeof postSearchMatches> | ReturnType<typeof recentSearchMatches>,
) {
  return (
    db
      .selectFrom('forum_posts as p')
      .innerJoin('forum_threads as t', 't.id', 'p.thread_id')
      // What a hit shows, the text cut to its excerpt here (EXCERPT_READ characters): the sorter carries and
      // the driver copies a few hundred characters per match instead of whole posts (up to 20,000 each).
      .select(['p.id', 'p.thread_id', 'p.author_id', 'p.persona', 'p.created_at', 't.subject'])
      .select(sql<string>`substr(${sql.ref('p.body')}, 1, ${EXCERPT_READ})`.as('body'))
      .where('p.edition_id', '=', input.editionId)
      .where('p.id', 'in', matches)
      .where(visibleToReader(input))
      .orderBy('p.created_at', 'desc')
      .limit(input.limit)
      .execute()
  );
}

/**
 * Visible posts of an edition's forums matching `query`, newest first: never hidden ones; only in
 * `forumIds` (the forums the reader may read); in `ownOnlyForumIds` (post-first forums) only the reader's.
 * SQLite: one statement (`newestVisibleMatchesSqlite`). PostgreSQL: the edition's newest posts are searched
 * first; when they hold `limit` visible matches, those are the newest of all, else the GIN index is asked.
 */
export async function searchPosts(db: Executor, input: SearchInput) {
  if (input.forumIds.length === 0) return [];
  if (dialectOf(db) === 'sqlite') return newestVisibleMatchesSqlite(db, input);
  const recent = await visibleMatches(db, input, recentSearchMatches(db, input.editionId, input.query));
  if (recent.length >= input.limit) return recent;
  return visibleMatches(db, input, postSearchMatches(db, input.query));
}

export async function upsertSubscription(db: Executor, row: SubscriptionRow): Promise<void> {
  await db
    .insertInto('forum_subscriptions')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'target_kind', 'target_id']).doUpdateSet({ mode: row.mode }))
    .execute();
}

export async function deleteSubscription(db: Executor, userId: string, kind: string, targetId: string) {
  await db
    .deleteFrom('forum_subscriptions')
    .where('user_id', '=', userId)
    .where('target_kind', '=', kind)
    .where('target_id', '=', targetId)
    .execute();
}

export async function subscriptionsOf(db: Executor, userId: string, targetIds: readonly string[]) {
  if (targetIds.length === 0) return [];
  return db
    .selectFrom('forum_subscriptions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('target_id', 'in', targetIds)
    .execute();
}

/** The people subscribed to a thread or its forum with `mode`. */
export async function subscribersOf(db: Executor, forumId: string, threadId: string, mode: string) {
  const rows = await db
    .selectFrom('forum_subscriptions')
    .select('user_id')
    .where('target_id', 'in', [forumId, threadId])
    .where('mode', '=', mode)
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

/** Everyone with a digest subscription, with the forums and threads they follow. */
export async function digestSubscriptions(db: Executor) {
  return db
    .selectFrom('forum_subscriptions')
    .select(['user_id', 'target_kind', 'target_id', 'forum_id'])
    .where('mode', '=', 'digest')
    .orderBy('user_id')
    .execute();
}

/** Claims a person's digest for a day: false when another process (or an earlier run) has it. */
export async function claimDigest(
  db: Executor,
  row: { user_id: string; day: string; since: string; sent_at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('forum_digests')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The day of each person's last digest (the next one covers what came after it). */
export async function lastDigests(db: Executor, userIds: readonly string[]) {
  const out = new Map<string, string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('forum_digests')
      .select(['user_id', sql<string>`max(sent_at)`.as('sent_at')])
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .groupBy('user_id')
      .execute();
    for (const r of rows) out.set(r.user_id, r.sent_at);
  }
  return out;
}

/** Visible posts (never hidden) created after `since` in the given forums, grouped by thread. */
export async function newPostsByThread(db: Executor, forumIds: readonly string[], since: string) {
  if (forumIds.length === 0) return [];
  const rows = await db
    .selectFrom('forum_posts')
    .select(['thread_id', 'forum_id', 'author_id', 'created_at'])
    .where('forum_id', 'in', forumIds)
    .where('created_at', '>', since)
    .where('hidden', '=', 0)
    .execute();
  return rows;
}

export async function insertReport(
  db: Executor,
  row: { id: string; post_id: string; reporter_id: string; reason: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('forum_reports')
    .values({ ...row, resolved_at: null })
    .execute();
}

export async function resolveReports(db: Executor, postId: string, at: string): Promise<void> {
  await db
    .updateTable('forum_reports')
    .set({ resolved_at: at })
    .where('post_id', '=', postId)
    .where('resolved_at', 'is', null)
    .execute();
}

/** Open reports on the posts of a forum. */
export async function openReportsOfForum(db: Executor, forumId: string) {
  return db
    .selectFrom('forum_reports as r')
    .innerJoin('forum_posts as p', 'p.id', 'r.post_id')
    .select(['r.id', 'r.post_id', 'r.reporter_id', 'r.reason', 'r.created_at', 'p.thread_id', 'p.hidden'])
    .where('p.forum_id', '=', forumId)
    .where('r.resolved_at', 'is', null)
    .orderBy('r.created_at')
    .execute();
}

/** Per author: posts opening threads and replies in an edition's forums (hidden posts left out). */
export async function postCountsOfEdition(db: Executor, editionId: string) {
  const rows = await db
    .selectFrom('forum_posts as p')
    .select([
      'p.author_id',
      sql<number>`sum(case when p.id = p.thread_id then 1 else 0 end)`.as('threads'),
      sql<number>`count(*)`.as('posts'),
    ])
    .where('p.edition_id', '=', editionId)
    .where('p.hidden', '=', 0)
    .groupBy('p.author_id')
    .execute();
  return rows.map((r) => ({ authorId: r.author_id, threads: Number(r.threads), posts: Number(r.posts) }));
}

/** Per person: the debate rounds (of the given debate items) they contributed to. */
export async function debateRoundsByPerson(db: Executor, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('forum_debate_contributions')
    .select(['user_id', sql<number>`count(distinct item_id || ':' || round_id)`.as('rounds')])
    .where('item_id', 'in', itemIds)
    .groupBy('user_id')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, rounds: Number(r.rounds) }));
}
