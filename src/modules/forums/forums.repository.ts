/** The forums module's SQL for forums, members, threads and posts (only this module names these tables). */
import type { Executor } from '../../db/database.js';
import { reusableQuery } from '../../db/reusable-query.js';
import { groupMembersView } from '../groups/groups.read-models.repository.js';
import { usersView } from '../identity/identity.read-models.repository.js';
import type { ForumRow, PostRow, ThreadRow } from './forums.tables.js';

export async function insertForum(db: Executor, row: ForumRow): Promise<void> {
  await db.insertInto('forums').values(row).execute();
}

// Every thread page runs the statements below that are `reusableQuery`s: built and compiled once per engine.
const forumById = reusableQuery((db, id: string) => db.selectFrom('forums').selectAll().where('id', '=', id));

export async function findForum(db: Executor, id: string): Promise<ForumRow | undefined> {
  return (await forumById(db, id))[0];
}

export async function findForumByScope(
  db: Executor,
  kind: string,
  id: string,
): Promise<ForumRow | undefined> {
  return db
    .selectFrom('forums')
    .selectAll()
    .where('scope_kind', '=', kind)
    .where('scope_id', '=', id)
    .executeTakeFirst();
}

export async function listForumsOfEdition(db: Executor, editionId: string): Promise<ForumRow[]> {
  return db
    .selectFrom('forums')
    .selectAll()
    .where('edition_id', '=', editionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function updateForum(
  db: Executor,
  id: string,
  set: Partial<Pick<ForumRow, 'title' | 'posting_rule' | 'posting_opens_at' | 'posting_closes_at'>>,
): Promise<void> {
  await db.updateTable('forums').set(set).where('id', '=', id).execute();
}

/** Replaces the members of a forum: people, and groups whose current members are members. */
export async function replaceForumMembers(
  db: Executor,
  forumId: string,
  members: readonly { userId: string; persona: string | null }[],
  groups: readonly { groupId: string; persona: string | null }[] = [],
) {
  await db.deleteFrom('forum_members').where('forum_id', '=', forumId).execute();
  await db.deleteFrom('forum_member_groups').where('forum_id', '=', forumId).execute();
  const byUser = new Map(members.map((m) => [m.userId, m.persona]));
  if (byUser.size)
    await db
      .insertInto('forum_members')
      .values([...byUser].map(([user_id, persona]) => ({ forum_id: forumId, user_id, persona })))
      .execute();
  const byGroup = new Map<string, string | null>();
  for (const g of groups) if (!byGroup.has(g.groupId)) byGroup.set(g.groupId, g.persona);
  if (byGroup.size)
    await db
      .insertInto('forum_member_groups')
      .values(
        [...byGroup].map(([group_id, persona], position) => ({
          forum_id: forumId,
          group_id,
          persona,
          position,
        })),
      )
      .execute();
}

/** The groups `userId` is in now (the groups module's read model), for the membership through groups. */
function groupsOf(db: Executor, userId: string) {
  return db
    .selectFrom(groupMembersView(db).as('membership'))
    .select('membership.group_id')
    .where('membership.user_id', '=', userId);
}

/**
 * The persona a member posts under in a forum (null: their own name, or not a member): theirs as a member in
 * person, else the one of the first of the forum's groups they are in now.
 */
export async function findMemberPersona(
  db: Executor,
  forumId: string,
  userId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('forum_members')
    .select('persona')
    .where('forum_id', '=', forumId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (row) return row.persona;
  const viaGroup = await db
    .selectFrom('forum_member_groups')
    .select('persona')
    .where('forum_id', '=', forumId)
    .where('group_id', 'in', groupsOf(db, userId))
    .orderBy('position')
    .executeTakeFirst();
  return viaGroup?.persona ?? null;
}

/** Of `threadIds`, the threads whose opening post (the post with the thread's id) is hidden. */
export async function threadsWithHiddenOpener(
  db: Executor,
  threadIds: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < threadIds.length; i += 500) {
    const rows = await db
      .selectFrom('forum_posts')
      .select('id')
      .where('id', 'in', threadIds.slice(i, i + 500))
      .where('hidden', '=', 1)
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** The forums among `forumIds` whose members include `userId` (in person, or in one of their groups now). */
export async function memberForumIds(db: Executor, userId: string, forumIds: readonly string[]) {
  if (forumIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('forum_members')
    .select('forum_id')
    .where('user_id', '=', userId)
    .where('forum_id', 'in', forumIds)
    .union(
      db
        .selectFrom('forum_member_groups')
        .select('forum_id')
        .where('forum_id', 'in', forumIds)
        .where('group_id', 'in', groupsOf(db, userId)),
    )
    .execute();
  return new Set(rows.map((r) => r.forum_id));
}

export async function insertThread(db: Executor, row: ThreadRow): Promise<void> {
  await db.insertInto('forum_threads').values(row).execute();
}

const threadById = reusableQuery((db, id: string) =>
  db.selectFrom('forum_threads').selectAll().where('id', '=', id),
);

export async function findThread(db: Executor, id: string): Promise<ThreadRow | undefined> {
  return (await threadById(db, id))[0];
}

export async function updateThread(
  db: Executor,
  id: string,
  set: Partial<Pick<ThreadRow, 'pinned' | 'locked' | 'last_post_at'>>,
): Promise<void> {
  await db.updateTable('forum_threads').set(set).where('id', '=', id).execute();
}

export async function insertPost(db: Executor, row: PostRow): Promise<void> {
  await db.insertInto('forum_posts').values(row).execute();
}

export async function findPost(db: Executor, id: string): Promise<PostRow | undefined> {
  return db.selectFrom('forum_posts').selectAll().where('id', '=', id).executeTakeFirst();
}

// The page's posts first, then their authors: joined before the limit, SQLite looked up the author of every
// post up to the page's end (500 for the last page of a thread of 500), not of the page's 50.
const postsOfThreadWithNames = reusableQuery((db, threadId: string, limit: number, offset: number) =>
  db
    .selectFrom(
      db
        .selectFrom('forum_posts')
        .selectAll()
        .where('thread_id', '=', threadId)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .offset(offset)
        .as('p'),
    )
    .leftJoin(usersView(db).as('users'), 'users.id', 'p.author_id')
    .selectAll('p')
    .select('users.full_name as author_name')
    .orderBy('p.created_at')
    .orderBy('p.id'),
);

/** A page of the thread's posts, each with its author's name (the thread page). */
export async function listPostsOfThreadWithNames(
  db: Executor,
  threadId: string,
  limit: number,
  offset: number,
): Promise<(PostRow & { author_name: string | null })[]> {
  return postsOfThreadWithNames(db, threadId, limit, offset);
}

export async function updatePost(
  db: Executor,
  id: string,
  set: Partial<Pick<PostRow, 'body' | 'edited_at' | 'hidden' | 'hidden_note' | 'hidden_by'>>,
): Promise<void> {
  await db.updateTable('forum_posts').set(set).where('id', '=', id).execute();
}

const postedInThread = reusableQuery((db, threadId: string, userId: string) =>
  db
    .selectFrom('forum_posts')
    .select('id')
    .where('thread_id', '=', threadId)
    .where('author_id', '=', userId)
    .limit(1),
);

export async function hasPostedInThread(db: Executor, threadId: string, userId: string): Promise<boolean> {
  return (await postedInThread(db, threadId, userId)).length > 0;
}

/** How many posts `userId` wrote in a forum since `since` (flood control). */
export async function countPostsSince(
  db: Executor,
  userId: string,
  forumId: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('forum_posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('author_id', '=', userId)
    .where('forum_id', '=', forumId)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertPostEdit(
  db: Executor,
  row: { id: string; post_id: string; body: string; edited_by: string; edited_at: string },
): Promise<void> {
  await db.insertInto('forum_post_edits').values(row).execute();
}

export async function listPostEdits(db: Executor, postIds: readonly string[]) {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('forum_post_edits')
    .selectAll()
    .where('post_id', 'in', postIds)
    .orderBy('edited_at')
    .execute();
}

/** Marks the thread read by `userId` up to `at` (never backwards). */
export async function markThreadRead(db: Executor, threadId: string, userId: string, at: string) {
  await db
    .insertInto('forum_reads')
    .values({ thread_id: threadId, user_id: userId, last_read_at: at })
    .onConflict((oc) =>
      oc
        .columns(['thread_id', 'user_id'])
        .doUpdateSet({ last_read_at: at })
        .where('forum_reads.last_read_at', '<', at),
    )
    .execute();
}

/** The members of a forum now: people, and the current members of its groups. */
export async function listForumMembers(db: Executor, forumId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('forum_members')
    .select('user_id')
    .where('forum_id', '=', forumId)
    .union(
      db
        .selectFrom(groupMembersView(db).as('membership'))
        .select('membership.user_id')
        .where(
          'membership.group_id',
          'in',
          db.selectFrom('forum_member_groups').select('group_id').where('forum_id', '=', forumId),
        ),
    )
    .execute();
  return rows.map((r) => r.user_id);
}

/** Of `userIds`, those who have posted in the thread. */
export async function postersAmong(db: Executor, threadId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('forum_posts')
    .select('author_id')
    .distinct()
    .where('thread_id', '=', threadId)
    .where('author_id', 'in', userIds)
    .execute();
  return new Set(rows.map((r) => r.author_id));
}
