import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { checkBody, REASON_MAX } from './forum.js';
import { postAccess, requireForum } from './forum-access.js';
import { insertReport } from './forum-activity.repository.js';

/** Reports a post to the forum's facilitators, with a reason (anyone who may post in the forum). */
export async function reportPost(
  db: Executor,
  deps: Services,
  actor: Actor,
  postId: string,
  input: { reason?: unknown },
): Promise<void> {
  const access = await postAccess(db, actor, postId, deps.clock.now().toISOString());
  // Whoever reads may report, also outside the forum's posting window (reading is what reporting needs).
  requireForum(access, 'forum.read');
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const reason = checkBody('reason', input.reason);
  if ('path' in reason) throw new AppError('validation_failed', {}, [reason]);
  if (reason.value.length > REASON_MAX)
    throw new AppError('validation_failed', {}, [
      { path: 'reason', key: 'forums.error.tooLong', values: { max: REASON_MAX } },
    ]);
  await inTransaction(db, async (trx) => {
    await insertReport(trx, {
      id: newId(),
      post_id: access.post.id,
      reporter_id: actor.id,
      reason: reason.value,
      created_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'forums.post-reported',
      targetType: 'forum_post',
      targetId: access.post.id,
      after: { reason: reason.value },
    });
  });
}
