import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { canCredentials } from '../credentials.policy.js';
import { vcApiStatusSchema } from '../credentials.schemas.js';
import { loadIssuer } from '../keys/issuer.js';
import type { StatusPurpose } from '../status/status-list.js';
import { isStatusBitSet, setStatusBit } from '../status/status-list-store.js';
import { findSuppliedStatus } from '../vc-api.repository.js';

type Change = { purpose: StatusPurpose; value: boolean };

/** Pure: the purpose and new value of one VC-API status item (`revoked`, `suspended`, `active`, 1/0, booleans). */
function changeOf(
  item: { statusPurpose?: StatusPurpose | undefined; status: boolean | string },
  index: number,
): Change {
  const purpose =
    item.statusPurpose ??
    (item.status === 'revoked' ? 'revocation' : item.status === 'suspended' ? 'suspension' : undefined);
  if (!purpose)
    throw new AppError('validation_failed', {}, [
      { path: `credentialStatus.${index}.statusPurpose`, key: 'validation.required' },
    ]);
  const value =
    item.status === true || item.status === '1' || item.status === 'revoked' || item.status === 'suspended';
  return { purpose, value };
}

/**
 * W3C VC-API `POST /credentials/status` (administrators' API tokens, as for issuing): sets or clears the
 * revocation or suspension bit of a credential signed through `POST /credentials/issue` with status
 * entries; the list credential is re-signed at once. A revocation is final (409 when asked to lift it);
 * 404 for a credential we did not sign with status entries (our own certificates change through
 * /api/v1/credentials/:id/…, with a reason); 400 for a purpose the credential carries no entry for. Audited.
 */
export async function updateSuppliedStatus(db: Executor, deps: Services, actor: Actor, input: unknown) {
  ensure(actor, canCredentials(actor, 'credentials.sign'));
  const parsed = parseInput(vcApiStatusSchema, input);
  const changes = parsed.credentialStatus.map(changeOf);
  const issuer = await loadIssuer(db, deps);
  const now = deps.clock.now();
  return inTransaction(db, async (trx) => {
    const row = await findSuppliedStatus(trx, parsed.credentialId);
    if (!row) throw new AppError('not_found');
    const purposes = row.purposes.split(',');
    for (const [index, change] of changes.entries()) {
      if (!purposes.includes(change.purpose))
        throw new AppError('validation_failed', {}, [
          { path: `credentialStatus.${index}.statusPurpose`, key: 'credential.problem.noSuchStatus' },
        ]);
      if (
        change.purpose === 'revocation' &&
        !change.value &&
        (await isStatusBitSet(trx, 'revocation', row.status_index))
      )
        throw new AppError('invalid_state');
    }
    for (const change of changes)
      await setStatusBit(trx, issuer, change.purpose, row.status_index, change.value, now);
    await audit(trx, deps.clock, actor, {
      action: 'credential.status_updated',
      targetType: 'credential',
      targetId: parsed.credentialId.slice(0, 200),
      after: { changes },
    });
    const states = await Promise.all(
      purposes.map(async (purpose) => ({
        type: 'BitstringStatusListEntry',
        statusPurpose: purpose,
        status: await isStatusBitSet(trx, purpose as StatusPurpose, row.status_index),
      })),
    );
    return { credentialId: parsed.credentialId, credentialStatus: states };
  });
}
