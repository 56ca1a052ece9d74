import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { checkLine, NOTE_MAX } from './forum.js';
import { postAccess, requireForum } from './forum-access.js';
import { resolveReports } from './forum-activity.repository.js';
import { updatePost } from './forums.repository.js';

/**
 * Hides a post (facilitators, managers) with a note saying why: from then on only staff see it, in pages,
 * the API, search, digests and notifications. Its open reports are resolved.
 */
export async function hidePost(
  db: Executor,
  deps: Services,
  actor: Actor,
  postId: string,
  input: { note?: unknown },
): Promise<void> {
  const access = await postAccess(db, actor, postId);
  requireForum(access, 'forum.moderate');
  const note = checkLine('note', input.note, NOTE_MAX);
  if ('path' in note) throw new AppError('validation_failed', {}, [note]);
  if (access.post.hidden === 1) return;
  const at = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    await updatePost(trx, access.post.id, {
      hidden: 1,
      hidden_note: note.value,
      hidden_by: actor.kind === 'user' ? actor.id : null,
    });
    await resolveReports(trx, access.post.id, at);
    await audit(trx, deps.clock, actor, {
      action: 'forums.post-hidden',
      targetType: 'forum_post',
      targetId: access.post.id,
      after: { note: note.value },
    });
  });
}

/** Shows a hidden post again (facilitators, managers). */
export async function restorePost(db: Executor, deps: Services, actor: Actor, postId: string): Promise<void> {
  const access = await postAccess(db, actor, postId);
  requireForum(access, 'forum.moderate');
  if (access.post.hidden === 0) return;
  await inTransaction(db, async (trx) => {
    await updatePost(trx, access.post.id, { hidden: 0, hidden_note: null, hidden_by: null });
    await audit(trx, deps.clock, actor, {
      action: 'forums.post-restored',
      targetType: 'forum_post',
      targetId: access.post.id,
      before: { note: access.post.hidden_note },
    });
  });
}
