/**
 * Reading forums: an edition's forums, a forum's threads (with "new since your last visit"), a thread's
 * posts as the reader may see them (hidden posts for staff only, with their note; the posting rule; the
 * persona instead of the author's name). Opening a thread marks it read.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../i18n/time-zones.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { findPerson } from '../identity/identity.queries.js';
import { spaceAccess } from '../spaces/space-access.js';
import type { AttachmentView } from './attachments/attach-files.js';
import { canSeePost, POSTS_PER_PAGE, type PostingRule, shownAuthor } from './forum.js';
import { accessToForum, type ForumAccess, postAccess, threadReaderAccess } from './forum-access.js';
import { openReportsOfForum } from './forum-activity.repository.js';
import { listForumsOfEdition, markThreadRead } from './forums.repository.js';
import type { ForumRow, ThreadRow } from './forums.tables.js';
import { forumIndex } from './listing/forum-index.js';
import { readerStandingInForum } from './listing/forum-index.repository.js';
import { type ThreadPagePosts, threadPagePosts } from './threads/thread-page-posts.js';
import { pageOfPosition, type ThreadPageAsk, threadPageToShow } from './threads/thread-paging.js';
import { countPostsBefore } from './threads/thread-reader.repository.js';

export interface ForumSummary {
  id: string;
  editionId: string;
  scope: { kind: string; id: string };
  title: string;
  postingRule: PostingRule;
}

export function presentForum(f: ForumRow): ForumSummary {
  return {
    id: f.id,
    editionId: f.edition_id,
    scope: { kind: f.scope_kind, id: f.scope_id },
    title: f.title,
    postingRule: f.posting_rule === 'post-first' ? 'post-first' : 'open',
  };
}

/** The forums of an edition the actor may read (with `now`: not those of discussions locked for them). */
export async function listEditionForums(
  db: Executor,
  actor: Actor,
  editionId: string,
  now?: string,
): Promise<ForumSummary[]> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (!isId(editionId)) throw new AppError('not_found');
  await spaceAccess(db, actor, editionId);
  const out: ForumSummary[] = [];
  for (const forum of await listForumsOfEdition(db, editionId)) {
    try {
      await accessToForum(db, actor, forum, now);
      out.push(presentForum(forum));
    } catch {
      // A members-only forum the actor is not in: left out.
    }
  }
  return out;
}

export interface ThreadSummary {
  id: string;
  subject: string;
  author: string;
  pinned: boolean;
  locked: boolean;
  createdAt: string;
  lastPostAt: string;
  posts: number;
  unread: number;
}

/** The reader's time zone (UTC when not set). */
export async function viewerTimeZone(db: Executor, actor: Actor): Promise<string> {
  const zone = actor.kind === 'user' ? (await findPerson(db, actor.id))?.timeZone : null;
  return zone && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

export interface ForumPage {
  forum: ForumSummary;
  timeZone: string;
  /** The threads of this page (every thread when no page was asked for). */
  threads: ThreadSummary[];
  /** The kept index they come from (a new object after any change to it): their lines are kept on it. */
  threadsSource: object;
  /** This page of the index, how many there are, and how many threads in all. */
  page: number;
  pageCount: number;
  threadCount: number;
  /** Open reports of the forum's posts, oldest first (staff only; empty for others). */
  reports: ForumReport[];
  can: ForumAccess['can'];
  subscription: string | null;
}

/**
 * A forum's threads, pinned first then newest activity first, with the reader's unread counts: `perPage`
 * threads from `page` (clamped to the pages there are), or every thread when `perPage` is not given (the
 * JSON API). The threads and their counts are kept per forum (`forum-index.ts`); the reader's standing is
 * read for the threads shown only (one statement).
 */
export async function getForum(
  db: Executor,
  deps: Services,
  actor: Actor,
  forumId: string,
  options: { page?: number; perPage?: number } = {},
): Promise<ForumPage> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const index = isId(forumId) ? await forumIndex(db, forumId) : null;
  if (!index) throw new AppError('not_found');
  const access = await accessToForum(db, actor, index.forum, deps.clock.now().toISOString());
  const { viewer } = access;
  // A thread whose first post is hidden is hidden with it (its subject and author are that post's).
  const all = viewer.staff ? index.threads : index.threads.filter((th) => !th.openerHidden);
  const perPage = options.perPage ?? Math.max(1, all.length);
  const pageCount = Math.max(1, Math.ceil(all.length / perPage));
  const page = Math.max(1, Math.min(pageCount, Math.floor(options.page ?? 1) || 1));
  const shown = options.perPage === undefined ? all : all.slice((page - 1) * perPage, page * perPage);
  const standing = await readerStandingInForum(
    db,
    index.forum.id,
    viewer.userId ?? '',
    viewer.staff,
    options.perPage === undefined ? 'all' : shown.map((th) => th.id),
  );
  const byThread = new Map(standing.threads.map((r) => [r.threadId, r]));
  const postFirst = access.rule === 'post-first' && !viewer.staff;
  const threads = shown.map((th): ThreadSummary => {
    const mine = byThread.get(th.id);
    const counted = viewer.staff ? th.posts : th.visiblePosts;
    // Never opened: every counted post but the reader's own is new to them.
    const unread = mine?.unreadSince ?? Math.max(0, counted - (mine?.ownCounted ?? 0));
    // Under "post first", others' posts are not counted before the reader has posted.
    const withheld = postFirst && !mine?.hasPosted;
    return {
      id: th.id,
      subject: th.subject,
      author: shownAuthor(viewer, th.authorName, th.persona).name,
      pinned: th.pinned,
      locked: th.locked,
      createdAt: th.createdAt,
      lastPostAt: th.lastPostAt,
      posts: withheld ? 0 : counted,
      unread: withheld ? 0 : unread,
    };
  });
  return {
    forum: presentForum(index.forum),
    timeZone: access.space.viewer.timeZone,
    threads,
    threadsSource: index,
    page,
    pageCount,
    threadCount: all.length,
    reports: viewer.staff
      ? (await openReportsOfForum(db, index.forum.id)).map((r) => ({
          postId: r.post_id,
          reason: r.reason,
          createdAt: r.created_at,
          hidden: r.hidden === 1,
        }))
      : [],
    can: access.can,
    subscription: viewer.userId ? standing.subscription : null,
  };
}

export interface PostView {
  id: string;
  author: string;
  /** The author's real name behind a persona (staff only). */
  realName: string | null;
  authorId: string | null;
  body: string;
  replyTo: string | null;
  /** Is the post it replies to on the same page (a link to its anchor; else to its own address). */
  replyOnPage: boolean;
  createdAt: string;
  editedAt: string | null;
  hidden: boolean;
  hiddenNote: string | null;
  /** Earlier texts (staff only), oldest first. */
  history: { body: string; editedAt: string }[];
  isNew: boolean;
  canEdit: boolean;
  /** Its files (only ever listed for a post the reader may see). */
  attachments: AttachmentView[];
  /** May the reader attach a file to it (its author while they may post, or staff). */
  canAttach: boolean;
}

export interface ThreadPage {
  forum: ForumSummary;
  timeZone: string;
  thread: { id: string; subject: string; pinned: boolean; locked: boolean };
  posts: PostView[];
  /**
   * Stands for the kept page of posts they were made from (a new object after any change to the posts, their
   * authors' names, files or edits): their HTML is kept on it (`views/kept-posts.tsx`). Empty: the kept rows
   * hold the real names behind personas, which a caller serialising the page must never see.
   */
  postsSource: object;
  /** Others' posts held back by "post before you can read others". */
  withheld: number;
  total: number;
  /** This page of the thread and how many there are. */
  page: number;
  pageCount: number;
  can: ForumAccess['can'];
  /** Outside the forum's posting window (a participant reads but may not write). */
  postingClosed: boolean;
  subscription: string | null;
}

/** A report of a post that nobody has acted on yet (the post still shown, or hidden since). */
export interface ForumReport {
  postId: string;
  reason: string;
  createdAt: string;
  hidden: boolean;
}

/**
 * A thread's posts as the actor may see them, `perPage` a page (POSTS_PER_PAGE by default): `page` a number
 * (past the end: the last page), `'last'` (the newest posts) or `'landing'` (where the reader is: the first
 * post new since their last visit, see `thread-paging.ts`); marks the thread read (unless `markRead` is false).
 */
export async function getThread(
  db: Executor,
  deps: Services,
  actor: Actor,
  threadId: string,
  options: { page?: ThreadPageAsk; perPage?: number; markRead?: boolean } = {},
): Promise<ThreadPage> {
  // One statement: the thread, its forum, its post count and the reader's mark, subscription, own posts.
  const access = await threadReaderAccess(db, actor, threadId, deps.clock.now().toISOString());
  const { thread, viewer, reader } = access;
  const readerId = viewer.userId ?? '';
  const perPage = options.perPage ?? POSTS_PER_PAGE;
  const total = reader.postCount;
  const lastRead = readerId ? reader.lastReadAt : null;
  const { page, pageCount } = threadPageToShow(
    options.page ?? 1,
    { postCount: total, readCount: reader.readCount, lastReadAt: lastRead },
    perPage,
  );
  // The page's posts with their authors' names, files and earlier texts: kept until one of them changes.
  const kept = await threadPagePosts(db, thread.id, perPage, page);
  const posted = readerId ? reader.hasPosted : false;
  let withheld = 0;
  const visible = kept.rows.filter((r) => {
    const seen = canSeePost(viewer, { authorId: r.author_id, hidden: r.hidden === 1 }, access.rule, posted);
    if (!seen && r.hidden === 0) withheld += 1;
    return seen;
  });
  const onPage = new Set(visible.map((r) => r.id));
  const posts = visible.map((r) => ({
    ...presentPost(r, access, kept, lastRead),
    replyOnPage: r.reply_to !== null && onPage.has(r.reply_to),
    attachments: (kept.files.get(r.id) ?? []) as AttachmentView[],
    canAttach:
      access.can.moderate || (r.author_id === viewer.userId && access.can.post && thread.locked === 0),
  }));
  // Nothing posted since the last visit: moving the mark would change no "new" flag or count (both compare
  // posts' times with it), so a visit writes only when there is something new to mark read.
  const seenAll = lastRead !== null && thread.last_post_at <= lastRead;
  // Under "post first", a reader who has not posted sees none of the others' posts: the visit marks nothing
  // read, so that once they post, those posts count as new.
  const withholding = access.rule === 'post-first' && !viewer.staff && !posted;
  if (options.markRead !== false && readerId && !seenAll && !withholding)
    await markThreadRead(db, thread.id, readerId, deps.clock.now().toISOString());
  return {
    forum: presentForum(access.forum),
    timeZone: access.space.viewer.timeZone,
    thread: presentThread(thread),
    posts,
    postsSource: identityOf(kept),
    withheld,
    total,
    page,
    pageCount,
    can: access.can,
    postingClosed: access.postingClosed,
    subscription: readerId ? reader.subscription : null,
  };
}

function presentThread(t: ThreadRow) {
  return { id: t.id, subject: t.subject, pinned: t.pinned === 1, locked: t.locked === 1 };
}

function presentPost(
  r: ThreadPagePosts['rows'][number],
  access: ForumAccess,
  kept: ThreadPagePosts,
  lastRead: string | null,
): Omit<PostView, 'attachments' | 'canAttach' | 'replyOnPage'> {
  const { viewer } = access;
  const shown = shownAuthor(viewer, r.author_name ?? '', r.persona);
  const own = r.author_id === viewer.userId;
  return {
    id: r.id,
    author: shown.name,
    realName: shown.realName,
    authorId: r.persona && !viewer.staff ? null : r.author_id,
    body: r.body,
    replyTo: r.reply_to,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    hidden: r.hidden === 1,
    hiddenNote: viewer.staff ? r.hidden_note : null,
    history: viewer.staff ? [...(kept.edits.get(r.id) ?? [])] : [],
    isNew: !own && (lastRead === null || r.created_at > lastRead),
    canEdit: (own && access.can.post) || access.can.moderate,
  };
}

/**
 * Where a post is: its thread and the page of the thread's web page it is on (`perPage` posts a page), for a
 * post the actor may see (a hidden post is not found for participants). Links to a post use its address
 * (`/posts/{id}`), so they keep working when later posts move it to another page.
 */
export async function locatePost(
  db: Executor,
  deps: Services,
  actor: Actor,
  postId: string,
  perPage: number,
): Promise<{ threadId: string; postId: string; page: number }> {
  const { post, thread } = await postAccess(db, actor, postId, deps.clock.now().toISOString());
  return {
    threadId: thread.id,
    postId: post.id,
    page: pageOfPosition(await countPostsBefore(db, post), perPage),
  };
}

/** One empty object per kept page of posts, standing for it (see `ThreadPage.postsSource`). */
const identities = new WeakMap<object, object>();
function identityOf(kept: object): object {
  let identity = identities.get(kept);
  if (!identity) {
    identity = Object.freeze({});
    identities.set(kept, identity);
  }
  return identity;
}
