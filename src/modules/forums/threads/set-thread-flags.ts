import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { requireForum, threadAccess } from '../forum-access.js';
import { updateThread } from '../forums.repository.js';

/** Pins or unpins, locks or unlocks a thread (facilitators, managers). */
export async function setThreadFlags(
  db: Executor,
  deps: Services,
  actor: Actor,
  threadId: string,
  change: { pinned?: boolean; locked?: boolean },
): Promise<void> {
  const access = await threadAccess(db, actor, threadId);
  requireForum(access, 'forum.moderate');
  const before = { pinned: access.thread.pinned === 1, locked: access.thread.locked === 1 };
  const after = { pinned: change.pinned ?? before.pinned, locked: change.locked ?? before.locked };
  if (after.pinned === before.pinned && after.locked === before.locked) return;
  await inTransaction(db, async (trx) => {
    await updateThread(trx, access.thread.id, { pinned: after.pinned ? 1 : 0, locked: after.locked ? 1 : 0 });
    await audit(trx, deps.clock, actor, {
      action: 'forums.thread-flags-changed',
      targetType: 'forum_thread',
      targetId: access.thread.id,
      before,
      after,
    });
  });
}
