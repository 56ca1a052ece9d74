import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { ensure } from '../../../kernel/policy.js';
import { canCredentials } from '../credentials.policy.js';
import { issuerDidFromBaseUrl } from './issuer-did.js';
import { type KeyAlgorithm, publicKeys } from './keys.js';

/** One signing key as administrators see it: public facts only (never a private member). */
export interface IssuerKeyView {
  kid: string;
  /** The verification method id (`did#kid`): the `kid` of the JWTs and the proofs' verificationMethod. */
  verificationMethod: string;
  algorithm: KeyAlgorithm;
  status: 'active' | 'retired';
  /** Where the private key lives: generated into DATA_DIR, or given in the environment. */
  source: 'file' | 'environment';
  createdAt: string;
  retiredAt: string | null;
}

/**
 * Administrators: the issuer's DID and every signing key (active first, then the retired ones kept so that
 * old credentials still verify), public facts only.
 */
export async function listIssuerKeys(
  deps: Services,
  actor: Actor,
): Promise<{ did: string; keys: IssuerKeyView[] }> {
  ensure(actor, canCredentials(actor, 'issuer.manage'));
  const did = issuerDidFromBaseUrl(deps.config.baseUrl);
  const keys = publicKeys(await deps.signer.keyring()).map(
    (key): IssuerKeyView => ({
      kid: key.kid,
      verificationMethod: `${did}#${key.kid}`,
      algorithm: key.algorithm,
      status: key.retiredAt === null ? 'active' : 'retired',
      source: key.source,
      createdAt: key.createdAt,
      retiredAt: key.retiredAt,
    }),
  );
  return { did, keys };
}
