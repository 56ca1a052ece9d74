/**
 * Finding a forum, a thread or a post for an actor: the forum, the actor's standing in its edition
 * (spaces' access: others are told it does not exist) and, for members-only forums, their membership.
 */
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { type SpaceAccess, spaceAccess } from '../spaces/space-access.js';
import { isItemOpenTo } from '../spaces/spaces.queries.js';
import { type ForumViewer, isPostingOpen, type PostingRule } from './forum.js';
import { canForum, type ForumAction } from './forums.policy.js';
import { findForum, findPost, findThread, memberForumIds } from './forums.repository.js';
import type { ForumRow, PostRow, ThreadRow } from './forums.tables.js';
import { isOpenerHidden } from './listing/forum-index.js';
import { findThreadForReader, type ThreadForReaderRow } from './threads/thread-reader.repository.js';

export interface ForumAccess {
  forum: ForumRow;
  rule: PostingRule;
  space: SpaceAccess;
  viewer: ForumViewer;
  can: Record<'read' | 'post' | 'moderate', boolean>;
  /**
   * Outside the forum's posting window (a role-play phase's dates) for a participant: they may read but not
   * write (`can.post` is false too). Known only when the access was found with `now`.
   */
  postingClosed: boolean;
}

/**
 * The forum `forumId` as `actor` may see it; `not_found` when they may not. With `now`, the forum of a
 * space item (a discussion) is also closed to participants while the item is locked for them (its
 * availability date, its prerequisite), as the item's own page is.
 */
export async function forumAccess(
  db: Executor,
  actor: Actor,
  forumId: string,
  now?: string,
): Promise<ForumAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const forum = isId(forumId) ? await findForum(db, forumId) : undefined;
  if (!forum) throw new AppError('not_found');
  return accessToForum(db, actor, forum, now);
}

/** The access to a forum row already found (`now`: see `forumAccess`). */
export async function accessToForum(
  db: Executor,
  actor: Actor,
  forum: ForumRow,
  now?: string,
): Promise<ForumAccess> {
  const space = await spaceAccess(db, actor, forum.edition_id);
  const staff = space.can.build;
  const userId = actor.kind === 'user' ? actor.id : null;
  const member =
    forum.audience === 'edition' ||
    (userId !== null && (await memberForumIds(db, userId, [forum.id])).has(forum.id));
  if (!staff && !member) throw new AppError('not_found');
  if (
    now &&
    !staff &&
    userId &&
    forum.scope_kind === 'space' &&
    !(await isItemOpenTo(db, space, forum.scope_id, userId, now))
  )
    throw new AppError('not_found');
  const standing = { learn: space.can.learn && member, staff };
  if (!canForum(standing, 'forum.read')) throw new AppError('not_found');
  const postingClosed =
    !staff &&
    now !== undefined &&
    !isPostingOpen({ opensAt: forum.posting_opens_at, closesAt: forum.posting_closes_at }, now);
  return {
    forum,
    rule: forum.posting_rule === 'post-first' ? 'post-first' : 'open',
    space,
    viewer: { userId, staff },
    can: {
      read: true,
      post: canForum(standing, 'forum.post') && !postingClosed,
      moderate: canForum(standing, 'forum.moderate'),
    },
    postingClosed,
  };
}

/**
 * Refuses (403) when the access does not allow `action`; writing outside the forum's posting window is
 * refused with its reason (409 `invalid_state`, translated, on the field `body`).
 */
export function requireForum(access: ForumAccess, action: ForumAction): void {
  if (action === 'forum.post' && access.postingClosed)
    throw new AppError('invalid_state', {}, [{ path: 'body', key: 'forums.error.postingClosed' }]);
  const allowed = {
    'forum.read': access.can.read,
    'forum.post': access.can.post,
    'forum.moderate': access.can.moderate,
  };
  if (!allowed[action]) throw new AppError('forbidden');
}

/** A thread and its forum's access. */
export async function threadAccess(
  db: Executor,
  actor: Actor,
  threadId: string,
  now?: string,
): Promise<ForumAccess & { thread: ThreadRow }> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const thread = isId(threadId) ? await findThread(db, threadId) : undefined;
  if (!thread) throw new AppError('not_found');
  const access = await forumAccess(db, actor, thread.forum_id, now);
  await ensureThreadShown(db, access, thread);
  return { ...access, thread };
}

/** A thread whose first post is hidden is not found for anyone but staff (its subject and author are that post's). */
async function ensureThreadShown(db: Executor, access: ForumAccess, thread: ThreadRow): Promise<void> {
  if (!access.viewer.staff && (await isOpenerHidden(db, thread.forum_id, thread.id)))
    throw new AppError('not_found');
}

/** A thread with its forum's access and the reader's standing in it (the thread page: one statement for all). */
export async function threadReaderAccess(
  db: Executor,
  actor: Actor,
  threadId: string,
  now?: string,
): Promise<ForumAccess & { thread: ThreadRow; reader: Omit<ThreadForReaderRow, keyof ThreadRow | 'forum'> }> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const found = isId(threadId)
    ? await findThreadForReader(db, threadId, actor.kind === 'user' ? actor.id : '')
    : undefined;
  if (!found) throw new AppError('not_found');
  const { forum, postCount, lastReadAt, subscription, hasPosted, readCount, ...thread } = found;
  const access = await accessToForum(db, actor, forum, now);
  await ensureThreadShown(db, access, thread);
  return {
    ...access,
    thread,
    reader: { postCount, lastReadAt, subscription, hasPosted, readCount },
  };
}

/** A post, its thread and its forum's access; a post the actor may not see is not found. */
export async function postAccess(
  db: Executor,
  actor: Actor,
  postId: string,
  now?: string,
): Promise<ForumAccess & { thread: ThreadRow; post: PostRow }> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const post = isId(postId) ? await findPost(db, postId) : undefined;
  if (!post) throw new AppError('not_found');
  const access = await threadAccess(db, actor, post.thread_id, now);
  if (post.hidden === 1 && !access.can.moderate) throw new AppError('not_found');
  return { ...access, post };
}
