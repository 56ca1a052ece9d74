/**
 * The `proof` check of both forms. Data Integrity: `eddsa-rdfc-2022` (and the legacy `eddsa-2022` name of
 * the same algorithm, used by OB 3.0 credentials signed in 2023) through @digitalbazaar/vc, with keys and
 * controller documents from the static document loader only. VC-JWT: the signature checked synchronously by
 * node:crypto with the key found from the header's `kid` in the same loader (a Multikey or JsonWebKey
 * verification method of the issuer), each key imported once (keys.ts's cache); the claims were decoded
 * and compared with `vc` by the caller, and dates are judged by the validity check.
 */

import { createHash, createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { CredentialIssuancePurpose } from '@digitalbazaar/vc';
import type { JWK, JWTPayload } from 'jose';
import jsigs from 'jsonld-signatures';
import { didOf } from '../keys/issuer-did.js';
import { isStaticLoader, UnknownDocumentError } from './document-loader.js';
import { scratchBytes } from './scratch-bytes.js';
import { type CheckResult, issuerOf, type VerifyDeps } from './verify-checks.js';

type Json = Record<string, unknown>;

type CreateVerifier = (options: { verificationMethod: Json }) => Promise<object>;

/** Verifiers made by the cryptosuite, by verification method (each imported a key: createPublicKey). */
const VERIFIER_LIMIT = 256;
const verifiers = new Map<string, Promise<object>>();

/**
 * The cryptosuite's `createVerifier`, once per Multikey verification method (its type, id and public key:
 * all the verifier depends on) instead of once per proof: importing the key was about 7 % of a first-time
 * verification (bench/README.md "Credentials, fifth pass"). A failed creation is not kept.
 */
const createVerifierOnce: CreateVerifier = ({ verificationMethod }) => {
  const create = eddsaRdfc2022.createVerifier as CreateVerifier;
  const { type, id, publicKeyMultibase } = verificationMethod;
  if (typeof id !== 'string' || typeof publicKeyMultibase !== 'string') return create({ verificationMethod });
  const key = `${String(type)}\u0000${id}\u0000${publicKeyMultibase}`;
  let verifier = verifiers.get(key);
  if (!verifier) {
    verifier = create({ verificationMethod });
    if (verifiers.size >= VERIFIER_LIMIT) verifiers.delete(verifiers.keys().next().value as string);
    verifiers.set(key, verifier);
    verifier.catch(() => verifiers.delete(key));
  }
  return verifier;
};

/** The suite we verify with: the published one, its verifiers kept per verification method. */
const eddsaRdfc2022Verifying = { ...eddsaRdfc2022, createVerifier: createVerifierOnce };

/** Cryptosuites we verify: the current name and its 2023 predecessor (same algorithm). */
const CRYPTOSUITES: Record<string, { suite: object; legacyContext: boolean }> = {
  'eddsa-rdfc-2022': { suite: eddsaRdfc2022Verifying, legacyContext: false },
  'eddsa-2022': { suite: { ...eddsaRdfc2022Verifying, name: 'eddsa-2022' }, legacyContext: true },
};

/** JWS algorithms accepted on VC-JWTs, with the digest node:crypto's `verify` takes for each. */
const JWT_ALGORITHMS: Record<string, { digest: 'sha256' | null; keyType: string }> = {
  RS256: { digest: 'sha256', keyType: 'rsa' },
  EdDSA: { digest: null, keyType: 'ed25519' },
};

/** Public keys imported once, by their JWK (verification methods repeat from one request to the next). */
const KEY_CACHE_LIMIT = 256;
const importedKeys = new Map<string, KeyObject | null>();
/** The JWK of each Multikey met, by its multibase value. */
const multikeyJwks = new Map<string, JWK>();

/** The same JWK object (a DID document's, kept by the loader) is looked up without serialising it. */
const keysByJwkObject = new WeakMap<JWK, KeyObject | null>();

function importedKey(jwk: JWK): KeyObject | null {
  const seen = keysByJwkObject.get(jwk);
  if (seen !== undefined) return seen;
  const key = importedKeyByContent(jwk);
  keysByJwkObject.set(jwk, key);
  return key;
}

function importedKeyByContent(jwk: JWK): KeyObject | null {
  const cacheKey = JSON.stringify(jwk);
  let key = importedKeys.get(cacheKey);
  if (key === undefined) {
    try {
      key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    } catch {
      key = null;
    }
    if (importedKeys.size >= KEY_CACHE_LIMIT) importedKeys.delete(importedKeys.keys().next().value as string);
    importedKeys.set(cacheKey, key);
  }
  return key;
}

/** The compact JWS's signature checked by `key` (the signing input is the first two parts, as sent). */
export function jwsSignatureValid(jwt: string, alg: string, key: KeyObject): boolean {
  const algorithm = JWT_ALGORITHMS[alg];
  if (!algorithm || key.asymmetricKeyType !== algorithm.keyType) return false;
  const dot = jwt.lastIndexOf('.');
  if (dot <= 0 || jwt.indexOf('.') === dot) return false;
  const signature = Buffer.from(jwt.slice(dot + 1), 'base64url');
  try {
    return verify(algorithm.digest, scratchBytes(jwt.slice(0, dot), 'utf8'), key, signature);
  } catch {
    return false;
  }
}

function errorsOf(error: unknown, depth = 0): unknown[] {
  if (!error || typeof error !== 'object' || depth > 5) return [error];
  const { errors, cause, details } = error as {
    errors?: unknown[];
    cause?: unknown;
    details?: { cause?: unknown };
  };
  const nested = [...(Array.isArray(errors) ? errors : []), cause, details?.cause].filter(
    (item) => item !== undefined,
  );
  return [error, ...nested.flatMap((item) => errorsOf(item, depth + 1))];
}

function codeOf(errors: unknown[], credential: Json): string {
  const contexts = new Set(
    (Array.isArray(credential['@context']) ? credential['@context'] : []).filter(
      (c) => typeof c === 'string',
    ),
  );
  for (const error of errors) {
    if (error instanceof UnknownDocumentError)
      return contexts.has(error.url) ? 'unknown_context' : 'unknown_key';
  }
  const messages = errors
    .map((error) => (error instanceof Error ? error.message : String(error)))
    .join(' | ');
  if (/Safe mode validation error/i.test(messages)) return 'undefined_terms';
  if (/not authorized by controller|issuer.*must match/i.test(messages)) return 'not_authorized';
  if (/Invalid signature/i.test(messages)) return 'invalid_signature';
  if (/No matching proofs found/i.test(messages)) return 'unsupported_cryptosuite';
  return 'invalid';
}

/** Most proofs one credential may carry (each costs a canonicalisation and a signature check). */
export const MAX_PROOFS_PER_CREDENTIAL = 4;

function proofsOf(credential: Json): Json[] {
  const proof = credential.proof;
  if (proof === undefined) return [];
  return (Array.isArray(proof) ? proof : [proof]).filter(
    (item): item is Json => !!item && typeof item === 'object',
  );
}

const methodIdOf = (proof: Json): string | null => {
  const method = proof.verificationMethod;
  const id = typeof method === 'string' ? method : (method as Json | null)?.id;
  return typeof id === 'string' ? id : null;
};

/**
 * The document a proof signed: the credential without its proofs, plus — for a proof in a chain — the
 * proofs its `previousProof` names (VC Data Integrity § proof chains). Null when a named proof is missing.
 */
function securedDocumentOf(unsigned: Json, proof: Json, proofs: Json[]): Json | null {
  const previous = proof.previousProof;
  if (previous === undefined) return unsigned;
  const ids = Array.isArray(previous) ? previous : [previous];
  const named = ids.map((id) => proofs.find((item) => item.id === id));
  if (named.some((item) => item === undefined)) return null;
  return { ...unsigned, proof: named.length === 1 ? named[0] : named };
}

interface ProofOutcome {
  byIssuer: boolean;
  code: string;
}

async function verifyOneProof(
  unsigned: Json,
  proof: Json,
  proofs: Json[],
  issuer: string | null,
  deps: VerifyDeps,
): Promise<ProofOutcome> {
  const entry = CRYPTOSUITES[String(proof.cryptosuite)];
  const methodId = methodIdOf(proof);
  let controller: string | null = null;
  try {
    const method = methodId ? ((await deps.documentLoader(methodId)).document as Json) : null;
    controller = typeof method?.controller === 'string' ? method.controller : null;
  } catch (error) {
    return { byIssuer: false, code: codeOf([error], unsigned) };
  }
  const byIssuer = controller !== null && controller === issuer;
  if (!entry || proof.type !== 'DataIntegrityProof') return { byIssuer, code: 'unsupported_cryptosuite' };
  const document = securedDocumentOf(unsigned, proof, proofs);
  if (!document) return { byIssuer, code: 'invalid' };
  const suite = new DataIntegrityProof({ cryptosuite: entry.suite, legacyContext: entry.legacyContext });
  // The issuer's proof must be by a key its controller document lists as an assertion method of the
  // issuer; any other proof (an endorsement, a later proof of a chain) by a key of its own controller.
  const purpose = byIssuer ? new CredentialIssuancePurpose() : new jsigs.purposes.AssertionProofPurpose();
  try {
    const result = await suite.verifyProof({
      proof,
      document,
      proofSet: proofs,
      documentLoader: deps.documentLoader,
    });
    if (!result.verified) return { byIssuer, code: codeOf(errorsOf(result.error), unsigned) };
    const valid = await purpose.validate(proof, {
      document,
      suite,
      verificationMethod: result.verificationMethod,
      documentLoader: deps.documentLoader,
    });
    return { byIssuer, code: valid.valid ? 'ok' : codeOf(errorsOf(valid.error), unsigned) };
  } catch (error) {
    return { byIssuer, code: codeOf(errorsOf(error), unsigned) };
  }
}

/**
 * `proof` of a Data Integrity credential: every proof must be valid for its own verification method, and
 * at least one must be the issuer's (`not_authorized` otherwise). At most MAX_PROOFS_PER_CREDENTIAL.
 */
export async function checkDataIntegrityProof(credential: Json, deps: VerifyDeps): Promise<CheckResult> {
  const proofs = proofsOf(credential);
  if (proofs.length === 0) return { id: 'proof', ok: false, message: 'missing' };
  if (proofs.length > MAX_PROOFS_PER_CREDENTIAL)
    return { id: 'proof', ok: false, message: 'too_many_proofs' };
  const memoKey = await proofMemoKey(credential, proofs, deps);
  const known = memoKey ? provenProofs.get(memoKey) : undefined;
  if (known) return known;
  const { proof: _proofs, ...unsigned } = credential;
  const issuer = issuerOf(credential);
  const outcomes = await Promise.all(
    proofs.map((proof) => verifyOneProof(unsigned, proof, proofs, issuer, deps)),
  );
  const failed = outcomes.find((outcome) => outcome.code !== 'ok');
  const result: CheckResult = failed
    ? { id: 'proof', ok: false, message: failed.code }
    : outcomes.some((outcome) => outcome.byIssuer)
      ? { id: 'proof', ok: true, message: 'ok' }
      : { id: 'proof', ok: false, message: 'not_authorized' };
  if (memoKey) remember(memoKey, result);
  return result;
}

/**
 * Proofs already judged, by a digest of the credential exactly as sent and of every key document the
 * judgement depended on (each proof's verification method and the issuer's controller document, as the
 * loader resolves them now). A proof is a pure function of those: the same bytes checked against the same
 * keys give the same answer, so a credential verified again (the public verification page of a diploma that
 * many employers check, a flood) skips the JSON-LD canonicalisation that costs nearly all of the time. A
 * rotated or removed key changes the digest (or fails to resolve: no memo), so it never answers for a key
 * that is no longer there. Bounded; the oldest entry goes first.
 */
const PROOF_MEMO_LIMIT = 10_000;
const provenProofs = new Map<string, CheckResult>();

function remember(key: string, result: CheckResult): void {
  if (provenProofs.size >= PROOF_MEMO_LIMIT) provenProofs.delete(provenProofs.keys().next().value as string);
  provenProofs.set(key, result);
}

async function proofMemoKey(credential: Json, proofs: Json[], deps: VerifyDeps): Promise<string | null> {
  const hash = createHash('sha256').update(JSON.stringify(credential));
  const issuer = issuerOf(credential);
  try {
    for (const url of [...proofs.map(methodIdOf), issuer]) {
      if (!url) return null;
      hash.update('\u0000').update(JSON.stringify((await deps.documentLoader(url)).document));
    }
  } catch {
    return null;
  }
  return hash.digest('base64url');
}

/** Forgets every proof judged (tests that change keys under a running verifier). */
export function forgetProvenProofs(): void {
  provenProofs.clear();
}

async function jwkOfMethod(method: Json): Promise<JWK | null> {
  if (method.type === 'JsonWebKey' || method.type === 'JsonWebKey2020') {
    return (method.publicKeyJwk as JWK | undefined) ?? null;
  }
  if (method.type === 'Multikey' && typeof method.publicKeyMultibase === 'string') {
    const known = multikeyJwks.get(method.publicKeyMultibase);
    if (known) return known;
    const key = await Ed25519Multikey.from(method);
    const jwk = (await Ed25519Multikey.toJwk({ keyPair: key })) as JWK;
    if (multikeyJwks.size >= KEY_CACHE_LIMIT) multikeyJwks.delete(multikeyJwks.keys().next().value as string);
    multikeyJwks.set(method.publicKeyMultibase, jwk);
    return jwk;
  }
  return null;
}

/** The verification method a JWT header's `kid` names (absolute, or relative to `iss`). */
async function methodOf(kid: unknown, issuer: string, deps: VerifyDeps): Promise<Json | null> {
  if (typeof kid !== 'string' || kid === '') return null;
  const id = kid.includes(':') ? kid : `${issuer}#${kid.replace(/^#/, '')}`;
  if (didOf(id) !== issuer) return null;
  try {
    const method = (await deps.documentLoader(id)).document as Json;
    const controller = (await deps.documentLoader(issuer)).document as Json;
    const assertion = Array.isArray(controller.assertionMethod) ? controller.assertionMethod : [];
    const authorised = assertion.some((item) => item === id || (item as Json | null)?.id === id);
    return authorised && method.controller === issuer ? method : null;
  } catch {
    return null;
  }
}

/** The imported key of a JWT's `kid` under an issuer (null: none, or not the issuer's assertion method). */
async function jwtKeyOf(kid: unknown, issuer: string, deps: VerifyDeps): Promise<KeyObject | null> {
  const method = await methodOf(kid, issuer, deps);
  const jwk = method ? await jwkOfMethod(method) : null;
  return jwk ? importedKey(jwk) : null;
}

/**
 * JWT keys found for a static loader (document-loader.ts), by issuer and `kid`: a pure function of the
 * loader's documents, which never change (a key rotation makes a new loader), so a stream of tokens of one
 * issuer looks its key up once. Any other loader is asked every time.
 */
const jwtKeysByLoader = new WeakMap<object, Map<string, KeyObject | null>>();

function authorisedJwtKey(
  kid: unknown,
  issuer: string,
  deps: VerifyDeps,
): Promise<KeyObject | null> | KeyObject | null {
  const loader = deps.documentLoader;
  if (typeof kid !== 'string' || !isStaticLoader(loader)) return jwtKeyOf(kid, issuer, deps);
  let keys = jwtKeysByLoader.get(loader);
  if (!keys) {
    keys = new Map();
    jwtKeysByLoader.set(loader, keys);
  }
  const cacheKey = `${issuer}\u0000${kid}`;
  const known = keys.get(cacheKey);
  if (known !== undefined) return known;
  return jwtKeyOf(kid, issuer, deps).then((key) => {
    if (keys.size >= KEY_CACHE_LIMIT) keys.delete(keys.keys().next().value as string);
    keys.set(cacheKey, key);
    return key;
  });
}

/** `proof` of a VC-JWT: the signature by a key of the issuer, and claims that agree with `vc`. */
export async function checkJwtProof(
  jwt: string,
  header: Json,
  payload: JWTPayload & { vc?: Json },
  deps: VerifyDeps,
  /** The answers of earlier checks of this very token, by key (jwt-memo.ts). */
  signatures?: WeakMap<KeyObject, boolean>,
): Promise<CheckResult> {
  if (!Object.hasOwn(JWT_ALGORITHMS, String(header.alg)))
    return { id: 'proof', ok: false, message: 'unsupported_algorithm' };
  const vc = payload.vc ?? {};
  const issuer = typeof payload.iss === 'string' ? payload.iss : null;
  const vcIssuer = typeof vc.issuer === 'string' ? vc.issuer : (vc.issuer as Json | undefined)?.id;
  if (!issuer || issuer !== vcIssuer) return { id: 'proof', ok: false, message: 'claims_mismatch' };
  if (payload.jti !== undefined && payload.jti !== vc.id)
    return { id: 'proof', ok: false, message: 'claims_mismatch' };
  const subject = (vc.credentialSubject as Json | undefined)?.id;
  if (payload.sub !== undefined && payload.sub !== subject)
    return { id: 'proof', ok: false, message: 'claims_mismatch' };
  const found = authorisedJwtKey(header.kid, issuer, deps);
  const key = found instanceof Promise ? await found : found;
  if (!key) return { id: 'proof', ok: false, message: 'unknown_key' };
  let valid = signatures?.get(key);
  if (valid === undefined) {
    valid = jwsSignatureValid(jwt, String(header.alg), key);
    signatures?.set(key, valid);
  }
  return valid
    ? { id: 'proof', ok: true, message: 'ok' }
    : { id: 'proof', ok: false, message: 'invalid_signature' };
}
