import type { Executor } from '../../../db/database.js';
import { isUniqueViolation } from '../../../db/helpers.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { canCredentials } from '../credentials.policy.js';
import { loadIssuer } from '../keys/issuer.js';
import { awardError, issueDiploma } from './diploma-issuance.js';

/**
 * A manager confirms the diploma of a candidacy the pathway evaluation says is awardable (one click from
 * the ready list). The evaluation is re-run inside the transaction; the diploma references the counted
 * component credentials as evidence and comes with its CLR 2.0 bundle. Errors: 404 unknown candidacy;
 * 409 `already_exists` (a live diploma exists: a unique index backs it) or `invalid_state` with the
 * precise problem as a field (`credential.problem.notAwardable|componentsNotIssued|componentSuspended`).
 */
export async function awardDiploma(
  db: Executor,
  deps: Services,
  actor: Actor,
  candidacyId: string,
): Promise<{ id: string; shortCode: string }> {
  ensure(actor, canCredentials(actor, 'credentials.manage'));
  if (!isId(candidacyId)) throw awardError('notFound');
  const issuer = await loadIssuer(db, deps);
  try {
    return await issueDiploma(db, deps, actor, issuer, candidacyId);
  } catch (error) {
    // Two managers clicked at once: the second insert met the unique index.
    if (isUniqueViolation(error)) throw awardError('alreadyAwarded');
    throw error;
  }
}
