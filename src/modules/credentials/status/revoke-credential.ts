import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { canCredentials } from '../credentials.policy.js';
import { revokeSchema } from '../credentials.schemas.js';
import { loadIssuer } from '../keys/issuer.js';
import { type CascadeOutcome, cascadeComponentRevocation } from './component-cascade.js';
import { lockCredential, statusError } from './credential-guards.js';
import { applyStatusChange } from './status-change.js';

/**
 * A manager revokes a credential, for good (a reason category and a note, both required; audited). Its
 * bit is set in the revocation list and the list credential re-signed with a new ETag in the same
 * transaction, so the status list and the verification page say "revoked" at once. Revoking a course
 * certificate re-evaluates the holder's pathway (a revoked certificate no longer counts), and a diploma
 * that counted it is suspended when it no longer holds; managers are told either way (see
 * component-cascade.ts). Errors: 400, 401, 403, 404, 409 (`credential.problem.alreadyRevoked`).
 */
export async function revokeCredential(
  db: Executor,
  deps: Services,
  actor: Actor,
  credentialId: string,
  input: unknown,
): Promise<{ id: string; status: 'revoked'; cascade: CascadeOutcome[] }> {
  ensure(actor, canCredentials(actor, 'credentials.manage'));
  const { reason, note } = parseInput(revokeSchema, input);
  const issuer = await loadIssuer(db, deps);
  return inTransaction(db, async (trx) => {
    const row = await lockCredential(trx, credentialId);
    if (row.status === 'revoked') throw statusError('alreadyRevoked');
    await applyStatusChange(trx, deps, actor, issuer, row, { to: 'revoked', reason, note });
    const cascade =
      row.kind === 'diploma'
        ? []
        : await cascadeComponentRevocation(trx, deps, actor, issuer, { ...row, status: 'revoked' });
    return { id: row.id, status: 'revoked' as const, cascade };
  });
}
