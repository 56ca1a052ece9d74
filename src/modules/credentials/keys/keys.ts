import type { KeyStore } from '../../../integrations/signer.js';
/**
 * The issuer's keyring: one active Ed25519 key (eddsa-rdfc-2022 proofs, EdDSA JWTs), one active RSA key
 * (RS256 JWTs) and the retired public keys that keep old credentials verifiable.
 *
 * PERSISTED SHAPE: `DATA_DIR/keys/keyring.json` lists every key's PUBLIC part (kid, algorithm, public JWK,
 * dates, source); the private key of each active generated key is `DATA_DIR/keys/<kid>.pem` (PKCS#8). Both
 * are written with mode 0600. Keys given in the environment (ISSUER_ED25519_PRIVATE_KEY,
 * ISSUER_RSA_PRIVATE_KEY: PEM or private JWK) are never written to disk; their public part is recorded so
 * that replacing them keeps the old one published as retired. Private keys are non-enumerable: they never
 * appear in JSON.stringify, console.log or the public views below.
 */

import type { KeyObject } from 'node:crypto';
import { createPublicKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { z } from 'zod';
import {
  generatePrivateKey,
  KEY_ALGORITHMS,
  KEY_ENVIRONMENT_VARIABLES,
  type KeyAlgorithm,
  KeyConfigError,
  keyIdOf,
  parsePrivateKey,
  privateKeyPem,
  publicJwkOf,
  publicKeyMultibaseOf,
} from './key-material.js';

export { KEY_ENVIRONMENT_VARIABLES, type KeyAlgorithm, KeyConfigError } from './key-material.js';

/** Folder under DATA_DIR holding the keys. */
export const KEYS_DIRECTORY = 'keys';
/** The public key list inside the keys folder. */
export const KEYRING_FILE = 'keyring.json';
/** File mode of every key file: readable and writable by the owner only. */
export const KEY_FILE_MODE = 0o600;
const KEYS_DIRECTORY_MODE = 0o700;

const publicKeySchema = z.object({
  kid: z.string().regex(/^key-[A-Za-z0-9_-]+$/),
  algorithm: z.enum(KEY_ALGORITHMS),
  publicJwk: z.looseObject({ kty: z.enum(['OKP', 'RSA']) }),
  publicKeyMultibase: z.string().nullable(),
  createdAt: z.iso.datetime(),
  retiredAt: z.iso.datetime().nullable(),
  source: z.enum(['file', 'environment']),
});
const keyringFileSchema = z.object({ version: z.literal(1), keys: z.array(publicKeySchema) });

/** The public description of one key, as kept in keyring.json. */
export type PublicIssuerKey = Omit<z.infer<typeof publicKeySchema>, 'publicJwk'> & { publicJwk: JWK };

/** An active key: its public description plus the key objects (the private one is non-enumerable). */
export type ActiveIssuerKey = PublicIssuerKey & {
  readonly publicKey: KeyObject;
  readonly privateKey: KeyObject;
};

/** The issuer's keys in memory. */
export interface Keyring {
  ed25519: ActiveIssuerKey;
  rsa: ActiveIssuerKey;
  /** Retired keys, public parts only, oldest first. */
  retired: PublicIssuerKey[];
}

interface KeyringFile {
  version: 1;
  keys: PublicIssuerKey[];
}

function keysDirectory(dataDir: string): string {
  return join(dataDir, KEYS_DIRECTORY);
}

function readKeyringFile(directory: string): KeyringFile {
  const path = join(directory, KEYRING_FILE);
  if (!existsSync(path)) return { version: 1, keys: [] };
  const parsed = keyringFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new KeyConfigError(`${path} is not a valid keyring file.`);
  return parsed.data as KeyringFile;
}

/** Writes a file atomically with mode 0600 (temporary file + rename). */
function writePrivateFile(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: KEY_FILE_MODE });
  chmodSync(temporary, KEY_FILE_MODE);
  renameSync(temporary, path);
}

async function describe(
  algorithm: KeyAlgorithm,
  key: KeyObject,
  source: PublicIssuerKey['source'],
  now: Date,
): Promise<PublicIssuerKey> {
  const publicJwk = publicJwkOf(key);
  return {
    kid: await keyIdOf(publicJwk),
    algorithm,
    publicJwk,
    publicKeyMultibase: algorithm === 'Ed25519' ? await publicKeyMultibaseOf(publicJwk) : null,
    createdAt: now.toISOString(),
    retiredAt: null,
    source,
  };
}

function activate(description: PublicIssuerKey, privateKey: KeyObject): ActiveIssuerKey {
  const active = { ...description, publicKey: createPublicKey(privateKey) } as ActiveIssuerKey;
  Object.defineProperty(active, 'privateKey', { value: privateKey, enumerable: false });
  return active;
}

/** Marks a key retired and deletes its private key file (a retired key never signs again). */
function retire(directory: string, key: PublicIssuerKey, now: Date): void {
  key.retiredAt = now.toISOString();
  rmSync(join(directory, `${key.kid}.pem`), { force: true });
}

interface ResolveOptions {
  directory: string;
  file: KeyringFile;
  env: NodeJS.ProcessEnv;
  now: Date;
  rotate: boolean;
}

async function resolveActive(algorithm: KeyAlgorithm, options: ResolveOptions): Promise<ActiveIssuerKey> {
  const { directory, file, env, now } = options;
  const variable = KEY_ENVIRONMENT_VARIABLES[algorithm];
  const current = file.keys.find((key) => key.algorithm === algorithm && key.retiredAt === null);
  const configured = env[variable];
  if (configured !== undefined && configured.trim() !== '') {
    const privateKey = parsePrivateKey(algorithm, configured, variable);
    const description = await describe(algorithm, privateKey, 'environment', now);
    if (current?.kid === description.kid) return activate(current, privateKey);
    if (current) retire(directory, current, now);
    file.keys.push(description);
    return activate(description, privateKey);
  }
  if (current && !options.rotate) {
    if (current.source === 'environment') {
      throw new KeyConfigError(
        `The active ${algorithm} key ${current.kid} came from ${variable}, which is no longer set: set it again, or rotate the keys to generate a new one.`,
      );
    }
    const pemPath = join(directory, `${current.kid}.pem`);
    if (!existsSync(pemPath)) {
      throw new KeyConfigError(
        `The private key file ${pemPath} of the active ${algorithm} key is missing: restore it from a backup, or rotate the keys (old credentials keep verifying with the published public key).`,
      );
    }
    const privateKey = parsePrivateKey(algorithm, readFileSync(pemPath, 'utf8'), pemPath);
    if ((await keyIdOf(publicJwkOf(privateKey))) !== current.kid) {
      throw new KeyConfigError(`${pemPath} does not hold the key ${current.kid} listed in ${KEYRING_FILE}.`);
    }
    return activate(current, privateKey);
  }
  if (current) retire(directory, current, now);
  const privateKey = generatePrivateKey(algorithm);
  const description = await describe(algorithm, privateKey, 'file', now);
  writePrivateFile(join(directory, `${description.kid}.pem`), privateKeyPem(privateKey));
  file.keys.push(description);
  return activate(description, privateKey);
}

async function openKeyring(dataDir: string, env: NodeJS.ProcessEnv, rotate: boolean): Promise<Keyring> {
  const directory = keysDirectory(dataDir);
  mkdirSync(directory, { recursive: true, mode: KEYS_DIRECTORY_MODE });
  const file = readKeyringFile(directory);
  const before = JSON.stringify(file);
  const options: ResolveOptions = { directory, file, env, now: new Date(), rotate };
  const ed25519 = await resolveActive('Ed25519', options);
  const rsa = await resolveActive('RS256', options);
  if (JSON.stringify(file) !== before)
    writePrivateFile(join(directory, KEYRING_FILE), `${JSON.stringify(file, null, 2)}\n`);
  const retired = file.keys.filter((key) => key.retiredAt !== null);
  return { ed25519, rsa, retired };
}

/**
 * The issuer's keyring: keys from the environment when set, else the key files under DATA_DIR/keys
 * (generated on first use). Throws KeyConfigError with a clear message when a key is unusable.
 */
export function loadOrCreateKeyring(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Keyring> {
  return openKeyring(dataDir, env, false);
}

/**
 * Makes new active keys for the generated (file) keys and retires the previous ones, keeping their public
 * parts published. Keys given in the environment are rotated by changing the environment instead.
 */
export function rotateKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Keyring> {
  return openKeyring(dataDir, env, true);
}

/**
 * The public keys recorded under DATA_DIR/keys (active and retired), without touching any private key;
 * null when there is no keyring yet. For offline verification.
 */
export function readPublicKeys(dataDir: string): PublicIssuerKey[] | null {
  const directory = keysDirectory(dataDir);
  if (!existsSync(join(directory, KEYRING_FILE))) return null;
  return readKeyringFile(directory).keys;
}

/** Every key of the keyring, public parts only: the active ones first, then the retired ones. */
export function publicKeys(keyring: Keyring): PublicIssuerKey[] {
  const strip = ({ publicKey: _public, ...description }: ActiveIssuerKey): PublicIssuerKey => description;
  return [strip(keyring.ed25519), strip(keyring.rsa), ...keyring.retired];
}

/** The issuer's key store for the signing port: the environment's keys, else generated into DATA_DIR/keys. */
export function fileKeyStore(dataDir: string, env: NodeJS.ProcessEnv = process.env): KeyStore<Keyring> {
  return { load: () => loadOrCreateKeyring(dataDir, env), rotate: () => rotateKeys(dataDir, env) };
}
