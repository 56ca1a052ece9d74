import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { SUBSCRIPTION_MODES, type SubscriptionMode } from './forum.js';
import { forumAccess, requireForum, threadAccess } from './forum-access.js';
import { deleteSubscription, upsertSubscription } from './forum-activity.repository.js';

/**
 * Follows a forum or a thread (`immediate`: a notice per post; `digest`: one a day) or stops (`none`).
 */
export async function subscribe(
  db: Executor,
  deps: Services,
  actor: Actor,
  target: { kind: 'forum' | 'thread'; id: string },
  mode: unknown,
): Promise<void> {
  const access =
    target.kind === 'forum'
      ? await forumAccess(db, actor, target.id, deps.clock.now().toISOString())
      : await threadAccess(db, actor, target.id, deps.clock.now().toISOString());
  requireForum(access, 'forum.read');
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const targetId = target.kind === 'forum' ? access.forum.id : target.id;
  if (mode === 'none') return deleteSubscription(db, actor.id, target.kind, targetId);
  if (!SUBSCRIPTION_MODES.includes(mode as SubscriptionMode))
    throw new AppError('validation_failed', {}, [{ path: 'mode', key: 'forums.error.mode' }]);
  await upsertSubscription(db, {
    user_id: actor.id,
    target_kind: target.kind,
    target_id: targetId,
    forum_id: access.forum.id,
    mode: mode as SubscriptionMode,
    created_at: deps.clock.now().toISOString(),
  });
}
