import type { FastifyReply } from 'fastify';
import type { Deps } from '../../../deps.js';
import { sendDownload } from '../../../http/downloads.js';
import { singleFileUpload } from '../../../http/file-upload.js';
import type { Actor } from '../../../kernel/actor.js';
import { BODY_MAX } from '../forum.js';
import { getAttachment } from './attach-files.js';
import { ATTACHMENT_MAX_BYTES } from './forum-attachment.js';

/**
 * The multipart reader of forum forms and the API (new threads, replies, "attach a file"): the shared
 * single-file reader with an optional `file`; the text field may hold a whole post (a longer one is cut,
 * then refused as too long by the use case).
 */
export const forumUpload = singleFileUpload({
  maxBytes: ATTACHMENT_MAX_BYTES,
  noFileKey: 'forums.error.fileMissing',
  fieldBytes: BODY_MAX * 4,
});

/** Sends a post's file to a reader who may see the post, as a download (pages and API alike). */
export async function sendAttachment(
  reply: FastifyReply,
  deps: Deps,
  actor: Actor,
  attachmentId: string,
): Promise<FastifyReply> {
  const file = await getAttachment(deps.db, deps, actor, attachmentId);
  return sendDownload(reply, { contentType: file.contentType, fileName: file.fileName, body: file.bytes });
}
