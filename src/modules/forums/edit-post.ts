import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { foldForSearch } from '../../kernel/search-fold.js';
import { checkBody } from './forum.js';
import { postAccess } from './forum-access.js';
import { savePostSearchDocument } from './forum-activity.repository.js';
import { findThread, insertPostEdit, updatePost } from './forums.repository.js';

/** Edits a post (its author, or staff); the earlier text is kept in its history (shown to facilitators). */
export async function editPost(
  db: Executor,
  deps: Services,
  actor: Actor,
  postId: string,
  input: { body?: unknown },
): Promise<void> {
  const access = await postAccess(db, actor, postId, deps.clock.now().toISOString());
  const own = actor.kind === 'user' && access.post.author_id === actor.id;
  if (!((own && access.can.post) || access.can.moderate)) throw new AppError('forbidden');
  if (access.thread.locked === 1 && !access.can.moderate)
    throw new AppError('invalid_state', {}, [{ path: 'body', key: 'forums.error.locked' }]);
  const body = checkBody('body', input.body);
  if ('path' in body) throw new AppError('validation_failed', {}, [body]);
  if (body.value === access.post.body) return;
  const at = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    await insertPostEdit(trx, {
      id: newId(),
      post_id: access.post.id,
      body: access.post.body,
      edited_by: actor.kind === 'user' ? actor.id : 'system',
      edited_at: at,
    });
    await updatePost(trx, access.post.id, { body: body.value, edited_at: at });
    const thread = await findThread(trx, access.post.thread_id);
    const opening = access.post.id === access.post.thread_id;
    await savePostSearchDocument(
      trx,
      access.post.id,
      foldForSearch(opening && thread ? `${thread.subject}\n${body.value}` : body.value),
    );
    await audit(trx, deps.clock, actor, {
      action: 'forums.post-edited',
      targetType: 'forum_post',
      targetId: access.post.id,
      before: { length: access.post.body.length },
      after: { length: body.value.length },
    });
  });
}
