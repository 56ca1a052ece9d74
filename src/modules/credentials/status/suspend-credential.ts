import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { canCredentials } from '../credentials.policy.js';
import { suspendSchema } from '../credentials.schemas.js';
import { loadIssuer } from '../keys/issuer.js';
import { lockCredential, statusError } from './credential-guards.js';
import { applyStatusChange } from './status-change.js';

/**
 * A manager suspends an active credential (a reason category and a note; audited): its bit is set in the
 * suspension list, which is re-signed at once, and verifiers (ours, and anyone reading that list at the
 * credential's index) say "suspended" until it is reinstated. A suspension holds this credential alone:
 * the pathway still counts a suspended certificate (only revocation removes it; docs/decisions/0007).
 * Errors: 400, 401, 403, 404, 409 (`credential.problem.notActive`).
 */
export async function suspendCredential(
  db: Executor,
  deps: Services,
  actor: Actor,
  credentialId: string,
  input: unknown,
): Promise<{ id: string; status: 'suspended' }> {
  ensure(actor, canCredentials(actor, 'credentials.manage'));
  const { reason, note } = parseInput(suspendSchema, input);
  const issuer = await loadIssuer(db, deps);
  return inTransaction(db, async (trx) => {
    const row = await lockCredential(trx, credentialId);
    if (row.status !== 'active') throw statusError('notActive');
    await applyStatusChange(trx, deps, actor, issuer, row, { to: 'suspended', reason, note });
    return { id: row.id, status: 'suspended' as const };
  });
}
