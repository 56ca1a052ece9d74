/**
 * Signing: an embedded Data Integrity proof (`DataIntegrityProof`, cryptosuite `eddsa-rdfc-2022`, as an
 * array) and the VC-JWT form (RS256 or EdDSA) that Open Badges 3.0 also defines.
 */
import { sign as edSign, type KeyObject } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { issue } from '@digitalbazaar/vc';
import { SignJWT } from 'jose';
import { verificationMethodId } from '../keys/issuer-did.js';
import type { ActiveIssuerKey } from '../keys/keys.js';
import type { DocumentLoader } from '../verifying/document-loader.js';

/** A credential as JSON (unsigned, or signed by someone else for re-wrapping). */
export type CredentialJson = Record<string, unknown>;

/** The JWS algorithms we sign VC-JWTs with. */
export const JWT_ALGORITHMS = ['RS256', 'EdDSA'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

/** The JOSE `typ` of our VC-JWTs (as in the Open Badges 3.0 examples). */
export const VC_JWT_TYPE = 'JWT';

/** What signing needs of a key: its id and private key (a whole keyring, or a signing worker's copy). */
export type SigningKey = Pick<ActiveIssuerKey, 'kid' | 'privateKey'>;

/** What signing needs of the keyring: the active Ed25519 and RSA keys. */
export interface SigningKeys {
  ed25519: SigningKey;
  rsa: SigningKey;
}

/** The signer interface @digitalbazaar/data-integrity expects (that of an Ed25519Multikey signer). */
interface Ed25519Signer {
  id: string;
  algorithm: 'Ed25519';
  sign(options: { data: Uint8Array }): Promise<Uint8Array>;
}

// One signer per key and verification method: the KeyObject is imported once, not per signature.
const signers = new WeakMap<KeyObject, Map<string, Ed25519Signer>>();

function ed25519Signer(key: SigningKey, methodId: string): Ed25519Signer {
  let byMethod = signers.get(key.privateKey);
  if (!byMethod) {
    byMethod = new Map();
    signers.set(key.privateKey, byMethod);
  }
  let signer = byMethod.get(methodId);
  if (!signer) {
    const privateKey = key.privateKey;
    signer = {
      id: methodId,
      algorithm: 'Ed25519',
      sign: async ({ data }) => new Uint8Array(edSign(null, data, privateKey)),
    };
    byMethod.set(methodId, signer);
  }
  return signer;
}

/** The issuer id of a credential (`issuer` may be a string or a Profile). */
export function issuerIdOf(credential: CredentialJson): string {
  const issuer = credential.issuer;
  const id = typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string' || id === '') throw new TypeError('The credential has no issuer id');
  return id;
}

/** Options of `signDataIntegrity`. */
export interface DataIntegrityOptions {
  /** The proof's `created` (default: now). */
  created?: Date;
}

/**
 * The credential with an `eddsa-rdfc-2022` DataIntegrityProof added to `proof` (always an array, after
 * any proofs already there), signed by the active Ed25519 key as `${issuer did}#${kid}`.
 */
export async function signDataIntegrity(
  credential: CredentialJson,
  keyring: Pick<SigningKeys, 'ed25519'>,
  documentLoader: DocumentLoader,
  options: DataIntegrityOptions = {},
): Promise<CredentialJson> {
  const did = issuerIdOf(credential);
  const signer = ed25519Signer(keyring.ed25519, verificationMethodId(did, keyring.ed25519.kid));
  const { proof: existing, ...unsigned } = credential;
  const suite = new DataIntegrityProof({
    signer,
    cryptosuite: eddsaRdfc2022,
    date: options.created ?? new Date(),
  });
  const signed = await issue({ credential: structuredClone(unsigned), suite, documentLoader });
  const previous = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  return { ...signed, proof: [...previous, signed.proof] };
}

function seconds(iso: unknown): number | undefined {
  if (typeof iso !== 'string') return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
}

/**
 * The credential as a compact VC-JWT: header `{alg, typ: "JWT", kid: <verification method id>}`, claims
 * `iss` (issuer id), `jti` (credential id), `sub` (holder id), `nbf` (validFrom), `exp` (validUntil, when
 * set), `iat`, and `vc` (the credential without any embedded proof).
 */
export async function signVcJwt(
  credential: CredentialJson,
  keyring: SigningKeys,
  alg: JwtAlgorithm,
): Promise<string> {
  const key = alg === 'EdDSA' ? keyring.ed25519 : keyring.rsa;
  const issuer = issuerIdOf(credential);
  const { proof: _proof, ...vc } = credential;
  const subject = (credential.credentialSubject as { id?: unknown } | undefined)?.id;
  const notBefore = seconds(credential.validFrom);
  const expires = seconds(credential.validUntil);
  const jwt = new SignJWT({ vc })
    .setProtectedHeader({ alg, typ: VC_JWT_TYPE, kid: verificationMethodId(issuer, key.kid) })
    .setIssuer(issuer)
    .setIssuedAt();
  if (typeof credential.id === 'string') jwt.setJti(credential.id);
  if (typeof subject === 'string') jwt.setSubject(subject);
  if (notBefore !== undefined) jwt.setNotBefore(notBefore);
  if (expires !== undefined) jwt.setExpirationTime(expires);
  return jwt.sign(key.privateKey);
}
