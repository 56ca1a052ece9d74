/**
 * The public views of the keyring: the JWKS (`/.well-known/jwks.json`), the did:web DID document
 * (`/.well-known/did.json`) and one document per verification method (for the static document loader).
 * They are built from public JWKs only, so no private member can leak into them.
 */
import type { JWK } from 'jose';
import { DID_V1_CONTEXT, JWK_V1_CONTEXT, MULTIKEY_V1_CONTEXT } from '../verifying/contexts.js';
import { verificationMethodId } from './issuer-did.js';
import { type Keyring, type PublicIssuerKey, publicKeys } from './keys.js';

/** A JSON Web Key Set with our public keys (kid = the verification method id, so a JWT's kid resolves). */
export interface PublicJwks {
  keys: Array<JWK & { kid: string; alg: string; use: 'sig' }>;
}

/** A verification method as published in the DID document. */
export type VerificationMethod =
  | { id: string; type: 'Multikey'; controller: string; publicKeyMultibase: string }
  | { id: string; type: 'JsonWebKey'; controller: string; publicKeyJwk: JWK };

/** The did:web DID document of the issuer. */
export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
  authentication: string[];
}

/** The JWS `alg` of a key. */
export function jwsAlgorithm(key: PublicIssuerKey): 'EdDSA' | 'RS256' {
  return key.algorithm === 'Ed25519' ? 'EdDSA' : 'RS256';
}

/** The JWKS of every key, active and retired (retired keys still verify old JWTs). */
export function publicJwks(keyring: Keyring, did: string): PublicJwks {
  return {
    keys: publicKeys(keyring).map((key) => ({
      ...key.publicJwk,
      kid: verificationMethodId(did, key.kid),
      alg: jwsAlgorithm(key),
      use: 'sig' as const,
    })),
  };
}

function verificationMethodOf(key: PublicIssuerKey, did: string): VerificationMethod {
  const id = verificationMethodId(did, key.kid);
  if (key.algorithm === 'Ed25519' && key.publicKeyMultibase) {
    return { id, type: 'Multikey', controller: did, publicKeyMultibase: key.publicKeyMultibase };
  }
  return { id, type: 'JsonWebKey', controller: did, publicKeyJwk: key.publicJwk };
}

/**
 * The DID document: every key as a verification method; all of them (retired included) under
 * `assertionMethod` so credentials signed before a rotation still verify; the active ones under
 * `authentication`.
 */
export function didDocument(keyring: Keyring, did: string): DidDocument {
  return didDocumentOf(publicKeys(keyring), did);
}

/** The DID document of a list of public keys (those without `retiredAt` are the active ones). */
export function didDocumentOf(keys: PublicIssuerKey[], did: string): DidDocument {
  const active = new Set(keys.filter((key) => key.retiredAt === null).map((key) => key.kid));
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT, JWK_V1_CONTEXT],
    id: did,
    verificationMethod: keys.map((key) => verificationMethodOf(key, did)),
    assertionMethod: keys.map((key) => verificationMethodId(did, key.kid)),
    authentication: keys
      .filter((key) => active.has(key.kid))
      .map((key) => verificationMethodId(did, key.kid)),
  };
}

/** Each verification method of a DID document as a standalone JSON-LD document, keyed by its id. */
export function verificationMethodDocuments(document: DidDocument): Map<string, object> {
  const documents = new Map<string, object>();
  for (const method of document.verificationMethod) {
    const context = method.type === 'Multikey' ? MULTIKEY_V1_CONTEXT : JWK_V1_CONTEXT;
    documents.set(method.id, { '@context': context, ...method });
  }
  return documents;
}
