/**
 * Signs a built credential in every form we store: the embedded Data Integrity proof (eddsa-rdfc-2022)
 * and the two VC-JWTs (RS256, which Open Badges requires verifiers to support, and EdDSA).
 */

import type { IssuerContext } from '../keys/issuer.js';
import type { UnsignedCredential } from './achievement-credential.js';
import { type CredentialJson, signDataIntegrity, signVcJwt } from './sign.js';

/** A credential signed in every form, as stored. */
export interface SignedForms {
  credential: CredentialJson;
  /** The signed JSON as stored (and served) byte for byte. */
  json: string;
  jwtRs256: string;
  jwtEddsa: string;
}

/** Signs `unsigned` with the issuer's active keys; the proof's `created` is `now`. */
export async function signForms(
  issuer: IssuerContext,
  unsigned: UnsignedCredential,
  now: Date,
): Promise<SignedForms> {
  const credential = await signDataIntegrity(unsigned, issuer.keyring, issuer.documentLoader, {
    created: now,
  });
  const [jwtRs256, jwtEddsa] = await Promise.all([
    signVcJwt(unsigned, issuer.keyring, 'RS256'),
    signVcJwt(unsigned, issuer.keyring, 'EdDSA'),
  ]);
  return { credential, json: JSON.stringify(credential), jwtRs256, jwtEddsa };
}
