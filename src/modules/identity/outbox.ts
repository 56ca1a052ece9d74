import type { Deps } from '../../deps.js';
import { type OutboxEntry, readOutbox } from '../../integrations/mail.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { canIdentity } from './identity.policy.js';

/** The messages in the mail outbox folder, newest first (administrators). */
export async function readMailOutbox(deps: Deps, actor: Actor): Promise<OutboxEntry[]> {
  ensure(actor, canIdentity(actor, 'outbox.read'));
  return readOutbox(deps.config.outboxDir);
}
