import type { Services } from '../../deps.js';
import { countOutbox, type OutboxEntry, readOutbox } from '../../integrations/mail.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { canIdentity } from './identity.policy.js';

/** Messages per page of the outbox. */
export const OUTBOX_PAGE_SIZE = 50;

/** One page of the messages in the mail outbox folder, newest first (administrators). */
export async function readMailOutbox(
  deps: Services,
  actor: Actor,
  requestedPage = 1,
): Promise<{ entries: OutboxEntry[]; page: number; pageCount: number; total: number }> {
  ensure(actor, canIdentity(actor, 'outbox.read'));
  const total = await countOutbox(deps.config.outboxDir);
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pageCount);
  const entries = await readOutbox(deps.config.outboxDir, OUTBOX_PAGE_SIZE, (page - 1) * OUTBOX_PAGE_SIZE);
  return { entries, page, pageCount, total };
}
