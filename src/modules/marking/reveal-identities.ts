import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { canMarking } from './marking.policy.js';
import { listSubmissionsOfContext, setRevealed } from './marking.repository.js';
import { contextAccess } from './marking-access.js';

/**
 * A manager reveals the participants' names to the context's markers, once every mark is final (every
 * submission released). Audited.
 */
export async function revealIdentities(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  contextId: string,
): Promise<void> {
  await contextAccess(db, actor, contextId);
  ensure(actor, canMarking(actor, { facilitator: false, marker: false }, 'marking.reveal'));
  await inTransaction(db, async (trx) => {
    const submissions = await listSubmissionsOfContext(trx, contextId);
    if (submissions.length === 0 || submissions.some((s) => s.state !== 'released'))
      throw new AppError('invalid_state');
    await setRevealed(
      trx,
      contextId,
      actor.kind === 'user' ? actor.id : 'system',
      deps.clock.now().toISOString(),
    );
    await audit(trx, deps.clock, actor, {
      action: 'marking.identities-revealed',
      targetType: 'marking_context',
      targetId: contextId,
      after: { contextId },
    });
  });
}
