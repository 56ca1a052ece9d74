/**
 * Files attached to posts, through the storage port: with a new post (`postInForum`'s `attachment`), on
 * one's own post afterwards (`attachToPost`), and downloads for whoever may see the post (a hidden post's
 * files reach only staff; under "post first", others' files only once the reader has posted).
 */
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId, newId } from '../../../kernel/ids.js';
import type { UploadedUserFile } from '../../../kernel/uploaded-file.js';
import { canSeePost } from '../forum.js';
import { postAccess } from '../forum-access.js';
import { hasPostedInThread } from '../forums.repository.js';
import { ATTACHMENTS_PER_POST, type CheckedAttachment, checkAttachment } from './forum-attachment.js';
import {
  countAttachmentsOfPost,
  findAttachment,
  insertAttachment,
  listAttachmentsOfPosts,
} from './forum-attachments.repository.js';

export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Where it is downloaded (as an attachment, never shown inline). */
  url: string;
}

/** The path of an attachment's download. */
export function attachmentPath(id: string): string {
  return `/forum-files/${id}`;
}

/** An uploaded file checked, or the validation error naming `file` (nothing is stored). */
export function requireAttachment(file: UploadedUserFile | null | undefined): CheckedAttachment {
  if (!file) throw new AppError('validation_failed', {}, [{ path: 'file', key: 'forums.error.fileMissing' }]);
  const checked = checkAttachment(file);
  if ('path' in checked) throw new AppError('validation_failed', {}, [checked]);
  return checked;
}

/**
 * Stores `file` for `postId`, then runs `work` (which writes the post, in its transaction) and records the
 * file in the same transaction; if anything fails, the stored bytes are removed again: a refused post leaves
 * no file behind, and no row ever names bytes that were not written.
 */
export async function withAttachment<T>(
  db: Executor,
  deps: Services,
  postId: string,
  file: CheckedAttachment | null,
  work: (trx: Executor) => Promise<T>,
  id: string = newId(),
): Promise<T> {
  if (!file) return inTransaction(db, work);
  const key = `forums/${postId}/${id}`;
  await deps.storage.put(key, file.bytes);
  try {
    return await inTransaction(db, async (trx) => {
      const result = await work(trx);
      if ((await countAttachmentsOfPost(trx, postId)) >= ATTACHMENTS_PER_POST)
        throw new AppError('invalid_state', {}, [
          { path: 'file', key: 'forums.error.tooManyFiles', values: { max: ATTACHMENTS_PER_POST } },
        ]);
      await insertAttachment(trx, {
        id,
        post_id: postId,
        storage_key: key,
        file_name: file.fileName,
        content_type: file.contentType,
        size: file.bytes.length,
        created_at: deps.clock.now().toISOString(),
      });
      return result;
    });
  } catch (error) {
    await deps.storage.delete(key);
    throw error;
  }
}

/**
 * Attaches a file to a post already written: by its author while they may post there (not in a locked
 * thread), or by the forum's staff. At most ATTACHMENTS_PER_POST files a post.
 */
export async function attachToPost(
  db: Executor,
  deps: Services,
  actor: Actor,
  postId: string,
  file: UploadedUserFile | null,
): Promise<{ id: string; postId: string; threadId: string }> {
  const access = await postAccess(db, actor, postId, deps.clock.now().toISOString());
  const own = actor.kind === 'user' && access.post.author_id === actor.id;
  if (own && access.postingClosed)
    throw new AppError('invalid_state', {}, [{ path: 'file', key: 'forums.error.postingClosed' }]);
  if (!access.can.moderate && !(own && access.can.post)) throw new AppError('forbidden');
  if (access.thread.locked === 1 && !access.can.moderate)
    throw new AppError('invalid_state', {}, [{ path: 'file', key: 'forums.error.locked' }]);
  const checked = requireAttachment(file);
  const id = newId();
  await withAttachment(db, deps, access.post.id, checked, async () => undefined, id);
  return { id, postId: access.post.id, threadId: access.thread.id };
}

/** An attachment's bytes for a reader who may see its post; anyone else is told it does not exist. */
export async function getAttachment(
  db: Executor,
  deps: Services,
  actor: Actor,
  attachmentId: string,
): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const row = isId(attachmentId) ? await findAttachment(db, attachmentId) : undefined;
  if (!row) throw new AppError('not_found');
  const access = await postAccess(db, actor, row.post_id, deps.clock.now().toISOString());
  const { viewer, post } = access;
  const posted =
    access.rule === 'post-first' && viewer.userId && !viewer.staff
      ? await hasPostedInThread(db, post.thread_id, viewer.userId)
      : false;
  if (!canSeePost(viewer, { authorId: post.author_id, hidden: post.hidden === 1 }, access.rule, posted))
    throw new AppError('not_found');
  const bytes = await deps.storage.get(row.storage_key);
  if (!bytes) throw new AppError('not_found');
  return { fileName: row.file_name, contentType: row.content_type, bytes };
}

/** The files of the posts shown (the caller passes only posts the reader may see), by post id. */
export async function attachmentsOfPosts(
  db: Executor,
  postIds: readonly string[],
): Promise<Map<string, AttachmentView[]>> {
  const out = new Map<string, AttachmentView[]>();
  for (const row of await listAttachmentsOfPosts(db, postIds)) {
    const list = out.get(row.post_id) ?? [];
    list.push({
      id: row.id,
      fileName: row.file_name,
      contentType: row.content_type,
      size: row.size,
      url: attachmentPath(row.id),
    });
    out.set(row.post_id, list);
  }
  return out;
}
