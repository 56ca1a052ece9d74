import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { loadIssuer } from './issuer.js';
import { type DidDocument, type PublicJwks, publicJwks } from './issuer-documents.js';

/**
 * Anyone: the issuer's public keys, as the did:web DID document (`/.well-known/did.json`) and as a JWKS
 * (`/.well-known/jwks.json`). Retired keys stay listed so that credentials signed before a rotation still
 * verify; no private member can appear (both are built from public JWKs only).
 */
export async function getIssuerKeys(
  db: Executor,
  deps: Services,
): Promise<{ did: string; didDocument: DidDocument; jwks: PublicJwks }> {
  const issuer = await loadIssuer(db, deps);
  return { did: issuer.did, didDocument: issuer.didDocument, jwks: publicJwks(issuer.keyring, issuer.did) };
}
