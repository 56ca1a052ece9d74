/**
 * Signs a built credential in every form we store: the embedded Data Integrity proof (eddsa-rdfc-2022)
 * and the two VC-JWTs (RS256, which Open Badges requires verifiers to support, and EdDSA).
 */

import type { IssuerContext } from '../keys/issuer.js';
import type { UnsignedCredential } from './achievement-credential.js';
import { type CredentialJson, type SigningKeys, signDataIntegrity, signVcJwt } from './sign.js';

/** A credential signed in every form, as stored. */
export interface SignedForms {
  credential: CredentialJson;
  /** The signed JSON as stored (and served) byte for byte. */
  json: string;
  jwtRs256: string;
  jwtEddsa: string;
}

/**
 * Signs `unsigned` with the issuer's active keys; the proof's `created` is `now`. The JWTs are started
 * first: jose hands their signatures (RSA above all, about half a millisecond) to libuv's thread pool,
 * where they run on the other core while this thread canonicalises the Data Integrity form.
 */
export async function signForms(
  issuer: Pick<IssuerContext, 'documentLoader'> & { keyring: SigningKeys },
  unsigned: UnsignedCredential,
  now: Date,
): Promise<SignedForms> {
  const jwts = Promise.all([
    signVcJwt(unsigned, issuer.keyring, 'RS256'),
    signVcJwt(unsigned, issuer.keyring, 'EdDSA'),
  ]);
  // Should the Data Integrity form fail, the JWTs' outcome is not left unhandled (it is awaited below).
  jwts.catch(() => {});
  const credential = await signDataIntegrity(unsigned, issuer.keyring, issuer.documentLoader, {
    created: now,
  });
  const [jwtRs256, jwtEddsa] = await jwts;
  return { credential, json: JSON.stringify(credential), jwtRs256, jwtEddsa };
}
