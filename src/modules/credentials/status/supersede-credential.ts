import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { kindOfOutcome } from '../credential.js';
import { canCredentials } from '../credentials.policy.js';
import { updateCredential } from '../credentials.repository.js';
import { noteSchema } from '../credentials.schemas.js';
import { findResultFacts } from '../issuing/certified-facts.repository.js';
import { writeCourseCredential } from '../issuing/course-issuance.js';
import { issueDiploma } from '../issuing/diploma-issuance.js';
import { loadIssuer } from '../keys/issuer.js';
import { lockCredential, statusError } from './credential-guards.js';
import { applyStatusChange } from './status-change.js';

/**
 * A correction (a manager, with a note; audited): a NEW credential is issued from the facts as they are
 * now (the result, course and holder's name for a certificate; the pathway evaluation for a diploma) and
 * the old one is revoked with the reason `superseded`, pointing at its replacement. Issued credentials are
 * never edited. The holder gets the usual email about the new credential. A diploma is corrected only
 * while the pathway awards it. Errors: 400, 401, 403, 404, 409
 * (`credential.problem.alreadyRevoked|resultHasNoCredential|notAwardable|componentsNotIssued`).
 */
export async function supersedeCredential(
  db: Executor,
  deps: Services,
  actor: Actor,
  credentialId: string,
  input: unknown,
): Promise<{ id: string; shortCode: string; replaced: string }> {
  ensure(actor, canCredentials(actor, 'credentials.manage'));
  const { note } = parseInput(noteSchema, input);
  const issuer = await loadIssuer(db, deps);
  return inTransaction(db, async (trx) => {
    const old = await lockCredential(trx, credentialId);
    if (old.status === 'revoked') throw statusError('alreadyRevoked');
    // The old one goes first: the unique index allows one live credential per result and kind.
    await applyStatusChange(trx, deps, actor, issuer, old, {
      to: 'revoked',
      reason: 'superseded',
      note,
      notifyHolder: false,
    });
    let issued: { id: string; shortCode: string };
    if (old.kind === 'diploma') {
      if (!old.candidacy_id) throw statusError('notAwardable');
      issued = await issueDiploma(trx, deps, actor, issuer, old.candidacy_id);
    } else {
      const facts = old.result_id ? await findResultFacts(trx, old.result_id) : undefined;
      const kind = facts ? kindOfOutcome(facts.outcome) : null;
      if (!facts || !kind) throw statusError('resultHasNoCredential');
      issued = await writeCourseCredential(trx, deps, actor, issuer, facts, kind);
    }
    await updateCredential(trx, old.id, { superseded_by: issued.id });
    await audit(trx, deps.clock, actor, {
      action: 'credential.superseded',
      targetType: 'credential',
      targetId: old.id,
      after: { supersededBy: issued.id, shortCode: issued.shortCode, note },
    });
    return { id: issued.id, shortCode: issued.shortCode, replaced: old.id };
  });
}
