/**
 * Key material: generation, parsing of configured private keys (PEM or JWK), public JWKs and key ids.
 * Nothing here writes files or logs; private keys only ever leave as PKCS#8 PEM for the key file.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { calculateJwkThumbprint, type JWK } from 'jose';

/** The two key kinds the issuer holds. */
export const KEY_ALGORITHMS = ['Ed25519', 'RS256'] as const;
export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

/** RSA modulus size of generated keys (and the minimum accepted from configuration). */
export const RSA_MODULUS_BITS = 2048;
/** Characters of the RFC 7638 thumbprint kept in a key id (96 bits). */
const KID_THUMBPRINT_LENGTH = 16;

/** The environment variable that may hold each private key (PEM PKCS#8 or a private JWK as JSON). */
export const KEY_ENVIRONMENT_VARIABLES: Record<KeyAlgorithm, string> = {
  Ed25519: 'ISSUER_ED25519_PRIVATE_KEY',
  RS256: 'ISSUER_RSA_PRIVATE_KEY',
};

/** Thrown when a configured or stored key is unusable; the message names the variable or file, never the key. */
export class KeyConfigError extends Error {
  override readonly name = 'KeyConfigError';
}

/** A fresh private key of the given kind. */
export function generatePrivateKey(algorithm: KeyAlgorithm): KeyObject {
  if (algorithm === 'Ed25519') return generateKeyPairSync('ed25519').privateKey;
  return generateKeyPairSync('rsa', { modulusLength: RSA_MODULUS_BITS, publicExponent: 0x10001 }).privateKey;
}

/** Parses a private key given as PEM (PKCS#8 or PKCS#1, `\n` escapes allowed) or as a private JWK in JSON. */
export function parsePrivateKey(algorithm: KeyAlgorithm, text: string, source: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as JWK;
      if (typeof jwk.d !== 'string') throw new Error('not a private key');
      key = createPrivateKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
    } else {
      key = createPrivateKey({ key: trimmed.replace(/\\n/g, '\n'), format: 'pem' });
    }
  } catch {
    throw new KeyConfigError(
      `${source} is not a readable private key: give a PEM (PKCS#8) block or a private JWK as JSON.`,
    );
  }
  assertKind(algorithm, key, source);
  return key;
}

function assertKind(algorithm: KeyAlgorithm, key: KeyObject, source: string): void {
  if (algorithm === 'Ed25519' && key.asymmetricKeyType !== 'ed25519') {
    throw new KeyConfigError(`${source} must be an Ed25519 private key, got ${key.asymmetricKeyType}.`);
  }
  if (algorithm === 'RS256') {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (key.asymmetricKeyType !== 'rsa' || bits < RSA_MODULUS_BITS) {
      throw new KeyConfigError(
        `${source} must be an RSA private key of at least ${RSA_MODULUS_BITS} bits, got ${key.asymmetricKeyType} (${bits} bits).`,
      );
    }
  }
}

/** The public JWK of a key (only `kty`, `crv`/`x` or `n`/`e`: never a private member). */
export function publicJwkOf(key: KeyObject): JWK {
  const jwk = createPublicKey(key).export({ format: 'jwk' }) as JWK;
  return jwk.kty === 'OKP' ? { kty: 'OKP', crv: jwk.crv, x: jwk.x } : { kty: 'RSA', n: jwk.n, e: jwk.e };
}

/** A stable key id from the public key: `key-` + the start of its RFC 7638 thumbprint. */
export async function keyIdOf(publicJwk: JWK): Promise<string> {
  const thumbprint = await calculateJwkThumbprint(publicJwk, 'sha256');
  return `key-${thumbprint.slice(0, KID_THUMBPRINT_LENGTH)}`;
}

/** The Multikey `publicKeyMultibase` (z6Mk…) of an Ed25519 public JWK. */
export async function publicKeyMultibaseOf(publicJwk: JWK): Promise<string> {
  const multikey = await Ed25519Multikey.fromJwk({ jwk: publicJwk });
  return multikey.publicKeyMultibase;
}

/** PKCS#8 PEM of a private key, for the key file only. */
export function privateKeyPem(key: KeyObject): string {
  return key.export({ format: 'pem', type: 'pkcs8' }).toString();
}
