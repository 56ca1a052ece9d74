import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { toDateString } from '../../../kernel/clock.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { evaluateCandidacy } from '../../pathway/candidacy-standing.js';
import { canCredentials } from '../credentials.policy.js';
import { noteSchema } from '../credentials.schemas.js';
import { loadIssuer } from '../keys/issuer.js';
import { lockCredential, statusError } from './credential-guards.js';
import { applyStatusChange } from './status-change.js';

/**
 * A manager lifts a suspension (a note; audited): the bit is cleared in the suspension list, re-signed at
 * once. A diploma is reinstated only while the pathway still awards it (a diploma suspended because a
 * component was revoked stays suspended until the pathway holds again, e.g. with another achievement).
 * Errors: 400, 401, 403, 404, 409 (`credential.problem.notSuspended|notAwardable`).
 */
export async function reinstateCredential(
  db: Executor,
  deps: Services,
  actor: Actor,
  credentialId: string,
  input: unknown,
): Promise<{ id: string; status: 'active' }> {
  ensure(actor, canCredentials(actor, 'credentials.manage'));
  const { note } = parseInput(noteSchema, input);
  const issuer = await loadIssuer(db, deps);
  return inTransaction(db, async (trx) => {
    const row = await lockCredential(trx, credentialId);
    if (row.status !== 'suspended') throw statusError('notSuspended');
    if (row.kind === 'diploma' && row.candidacy_id) {
      const evaluated = await evaluateCandidacy(trx, row.candidacy_id, toDateString(deps.clock.now()));
      if (!evaluated?.evaluation.awardable) throw statusError('notAwardable');
    }
    await applyStatusChange(trx, deps, actor, issuer, row, { to: 'active', reason: null, note });
    return { id: row.id, status: 'active' as const };
  });
}
