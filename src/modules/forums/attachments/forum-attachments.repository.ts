/** The forums module's SQL for files attached to posts (only this module names `forum_attachments`). */
import type { Executor } from '../../../db/database.js';
import type { ForumAttachmentRow } from '../forums.tables.js';

export async function insertAttachment(db: Executor, row: ForumAttachmentRow): Promise<void> {
  await db.insertInto('forum_attachments').values(row).execute();
}

export async function findAttachment(db: Executor, id: string): Promise<ForumAttachmentRow | undefined> {
  return db.selectFrom('forum_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The files of these posts, oldest first (one query for a page of posts). */
export async function listAttachmentsOfPosts(
  db: Executor,
  postIds: readonly string[],
): Promise<ForumAttachmentRow[]> {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('forum_attachments')
    .selectAll()
    .where('post_id', 'in', [...postIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countAttachmentsOfPost(db: Executor, postId: string): Promise<number> {
  const row = await db
    .selectFrom('forum_attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('post_id', '=', postId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
