import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { ensure } from '../../../kernel/policy.js';
import { canCredentials } from '../credentials.policy.js';
import { publicKeys } from './keys.js';

/**
 * Administrators (and `diploma keys rotate`) replace the generated signing keys with new ones; the old
 * public keys stay in the DID document and the JWKS, so every credential and status list signed before
 * still verifies (status lists are re-signed with the new key at their next change). Keys given in the
 * environment are rotated by changing the environment instead (docs/decisions/0007). Audited.
 */
export async function rotateIssuerKeys(
  db: Executor,
  deps: Services,
  actor: Actor,
): Promise<{ active: string[]; retired: string[] }> {
  ensure(actor, canCredentials(actor, 'issuer.manage'));
  const before = new Set(publicKeys(await deps.signer.keyring()).map((key) => key.kid));
  const keyring = await deps.signer.rotate();
  const active = [keyring.ed25519.kid, keyring.rsa.kid];
  const retired = keyring.retired.map((key) => key.kid);
  await inTransaction(db, (trx) =>
    audit(trx, deps.clock, actor, {
      action: 'issuer.keys-rotated',
      targetType: 'issuer',
      targetId: 'keys',
      before: { keys: [...before] },
      after: { active, retired },
    }),
  );
  return { active, retired };
}
