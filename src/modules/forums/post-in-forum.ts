import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError, type FieldError } from '../../kernel/errors.js';
import { isId, newId } from '../../kernel/ids.js';
import { foldForSearch } from '../../kernel/search-fold.js';
import type { UploadedUserFile } from '../../kernel/uploaded-file.js';
import { notify } from '../notifications/notify.js';
import { confirmedParticipants } from '../places/places.queries.js';
import { peopleWithItemOpen } from '../spaces/spaces.queries.js';
import { withAttachment } from './attachments/attach-files.js';
import { checkAttachment } from './attachments/forum-attachment.js';
import {
  checkBody,
  checkLine,
  isFlooding,
  mentionedHandles,
  mentionHandle,
  PERSONA_MAX,
  SUBJECT_MAX,
} from './forum.js';
import { type ForumAccess, forumAccess, requireForum, threadAccess } from './forum-access.js';
import { savePostSearchDocument, subscribersOf } from './forum-activity.repository.js';
import type { ForumMention, ForumNewPost } from './forum-notices.js';
import { editionReaders, forumReadersAmong } from './forum-readers.js';
import {
  countPostsSince,
  findMemberPersona,
  findPost,
  insertPost,
  insertThread,
  markThreadRead,
  postersAmong,
  updateThread,
} from './forums.repository.js';
import type { ForumRow, ThreadRow } from './forums.tables.js';

export interface PostInput {
  /** A reply in this thread … */
  threadId?: string;
  /** … or a new thread in this forum (with its subject). */
  forumId?: string;
  subject?: string;
  body: string;
  /** The post replied to and quoted (in the same thread). */
  replyTo?: string | null;
  /** A label shown instead of the author's name to participants (a role-play role); staff still see who. */
  persona?: string | null;
  /** A file attached to the post (checked by content; a refused file refuses the post). */
  attachment?: UploadedUserFile | null;
}

/**
 * Writes a post: a new thread (`forumId` + `subject`) or a reply (`threadId`). Checks the forum's
 * standing, a locked thread (staff may still write), flood control (POSTS_PER_MINUTE per forum), then notifies the
 * people mentioned and the immediate subscribers who may read it.
 */
export async function postInForum(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: PostInput,
): Promise<{ threadId: string; postId: string }> {
  const access: ForumAccess & { thread?: ThreadRow } = input.threadId
    ? await threadAccess(db, actor, input.threadId, deps.clock.now().toISOString())
    : await forumAccess(db, actor, input.forumId ?? '', deps.clock.now().toISOString());
  requireForum(access, 'forum.post');
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const thread = access.thread ?? null;
  const fields: FieldError[] = [];
  const body = checkBody('body', input.body);
  if ('path' in body) fields.push(body);
  const subject = thread ? null : checkLine('subject', input.subject, SUBJECT_MAX);
  if (subject && 'path' in subject) fields.push(subject);
  const persona = input.persona ? checkLine('persona', input.persona, PERSONA_MAX) : null;
  if (persona && 'path' in persona) fields.push(persona);
  const attachment = input.attachment ? checkAttachment(input.attachment) : null;
  if (attachment && 'path' in attachment) fields.push(attachment);
  if (fields.length) throw new AppError('validation_failed', {}, fields);
  if (thread?.locked === 1 && !access.can.moderate)
    throw new AppError('invalid_state', {}, [{ path: 'body', key: 'forums.error.locked' }]);
  const replyTo = await checkReplyTo(db, access, thread?.id ?? null, input.replyTo ?? null);
  const now = deps.clock.now();
  const at = now.toISOString();
  // Flood control per person and forum; the forum's staff are not limited (they seed and moderate).
  const since = new Date(now.getTime() - 60_000).toISOString();
  if (!access.can.moderate && isFlooding(await countPostsSince(db, actor.id, access.forum.id, since)))
    throw new AppError('too_many_attempts', {}, [{ path: 'body', key: 'forums.error.flood' }]);
  const threadId = thread?.id ?? newId();
  // A thread's opening post shares its id (participation counts threads started by it).
  const postId = thread ? newId() : threadId;
  // Not named by the caller: a member's own persona in this forum (a role-play role), never for staff.
  const personaText =
    persona && !('path' in persona)
      ? persona.value
      : input.persona === undefined && !access.can.moderate && access.forum.audience === 'members'
        ? await findMemberPersona(db, access.forum.id, actor.id)
        : null;
  const file = attachment && !('path' in attachment) ? attachment : null;
  // A first post under "post first" reveals the others' posts: they stay unread (new) until the thread is
  // opened, so the author's own post moves no read mark.
  const revealsOthers =
    thread !== null &&
    access.rule === 'post-first' &&
    !access.can.moderate &&
    !(await postersAmong(db, thread.id, [actor.id])).has(actor.id);
  await withAttachment(db, deps, postId, file, async (trx) => {
    if (!thread)
      await insertThread(trx, {
        id: threadId,
        forum_id: access.forum.id,
        edition_id: access.forum.edition_id,
        subject: subject && !('path' in subject) ? subject.value : '',
        author_id: actor.id,
        persona: personaText,
        pinned: 0,
        locked: 0,
        created_at: at,
        last_post_at: at,
      });
    else await updateThread(trx, threadId, { last_post_at: at });
    const text = (body as { value: string }).value;
    await insertPost(trx, {
      id: postId,
      thread_id: threadId,
      forum_id: access.forum.id,
      edition_id: access.forum.edition_id,
      author_id: actor.id,
      persona: personaText,
      body: text,
      reply_to: replyTo,
      hidden: 0,
      hidden_note: null,
      hidden_by: null,
      created_at: at,
      edited_at: null,
    });
    const searchable = thread ? text : `${(subject as { value: string }).value}\n${text}`;
    await savePostSearchDocument(trx, postId, foldForSearch(searchable));
    if (!revealsOthers) await markThreadRead(trx, threadId, actor.id, at);
    await tellPeople(trx, deps, access.forum, { threadId, postId, authorId: actor.id, body: text });
  });
  return { threadId, postId };
}

async function checkReplyTo(
  db: Executor,
  access: ForumAccess,
  threadId: string | null,
  replyTo: string | null,
): Promise<string | null> {
  if (!replyTo) return null;
  const post = isId(replyTo) ? await findPost(db, replyTo) : undefined;
  if (!post || post.thread_id !== threadId || (post.hidden === 1 && !access.can.moderate))
    throw new AppError('validation_failed', {}, [{ path: 'replyTo', key: 'forums.error.replyTo' }]);
  return post.id;
}

/**
 * Mentions (`@AnaSilva`: people of the edition whose folded name matches) and immediate subscribers, among
 * the people who may read the post (under "post first", those who have posted in the thread).
 */
async function tellPeople(
  db: Executor,
  deps: Services,
  forum: ForumRow,
  post: { threadId: string; postId: string; authorId: string; body: string },
): Promise<void> {
  const handles = new Set(mentionedHandles(post.body));
  const readers = await editionReaders(db, forum.edition_id);
  const mentioned: string[] = [];
  if (handles.size) {
    for (const p of await confirmedParticipants(db, forum.edition_id))
      if (handles.has(mentionHandle(p.fullName)) || handles.has(mentionHandle(p.email.split('@')[0] ?? '')))
        mentioned.push(p.id);
  }
  const subscribers = await subscribersOf(db, forum.id, post.threadId, 'immediate');
  const candidates = [...new Set([...mentioned, ...subscribers])].filter((id) => id !== post.authorId);
  let allowed = await forumReadersAmong(db, forum, readers, candidates);
  // A discussion item still locked for a participant (its date, its prerequisite) is not theirs to hear about,
  // as its page is not found for them and the digest leaves it out (staff see every item).
  if (forum.scope_kind === 'space') {
    const learners = allowed.filter((a) => !a.staff).map((a) => a.id);
    const open = learners.length
      ? await peopleWithItemOpen(db, forum.scope_id, learners, deps.clock.now().toISOString())
      : new Set<string>();
    allowed = allowed.filter((a) => a.staff || open.has(a.id));
  }
  if (forum.posting_rule === 'post-first') {
    const posters = await postersAmong(
      db,
      post.threadId,
      allowed.map((a) => a.id),
    );
    allowed = allowed.filter((a) => a.staff || posters.has(a.id));
  }
  const mentionedSet = new Set(mentioned);
  for (const { id } of allowed) {
    const kind = mentionedSet.has(id) ? 'forums.mention' : 'forums.new-post';
    await notify<ForumMention | ForumNewPost>(db, deps.clock, {
      recipientId: id,
      key: `${kind}:${post.postId}:${id}`,
      event: { kind, postId: post.postId, threadId: post.threadId },
    });
  }
}
