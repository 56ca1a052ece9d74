import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCredential, TEST_DID, testVerifyDeps } from '../credentials-fixtures.js';
import { signDataIntegrity, signVcJwt } from '../issuing/sign.js';
import { createDocumentLoader } from '../verifying/document-loader.js';
import { verifyCredential } from '../verifying/verify.js';
import { didDocument, publicJwks } from './issuer-documents.js';
import { KeyConfigError, loadOrCreateKeyring, readPublicKeys, rotateKeys } from './keys.js';

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), 'diploma-keys-test-'));
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'secretKeyMultibase', 'privateKey'];

/** Every key name anywhere in a JSON value. */
function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...keysIn(inner)]);
  }
  return [];
}

describe('loadOrCreateKeyring', () => {
  it('generates the keys on first use into DATA_DIR/keys with mode 0600, and loads the same keys again', async () => {
    const dir = dataDir();
    const keyring = await loadOrCreateKeyring(dir, {});
    const files = readdirSync(join(dir, 'keys')).sort();
    expect(files).toEqual([`${keyring.ed25519.kid}.pem`, `${keyring.rsa.kid}.pem`, 'keyring.json'].sort());
    for (const file of files) expect(statSync(join(dir, 'keys', file)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'keys', `${keyring.ed25519.kid}.pem`), 'utf8')).toContain(
      'BEGIN PRIVATE KEY',
    );
    const again = await loadOrCreateKeyring(dir, {});
    expect([again.ed25519.kid, again.rsa.kid]).toEqual([keyring.ed25519.kid, keyring.rsa.kid]);
    expect(keyring.ed25519.kid).toMatch(/^key-[A-Za-z0-9_-]{16}$/);
  });

  it('never serialises a private key: keyring JSON, keyring.json, JWKS and DID document are public only', async () => {
    const dir = dataDir();
    const keyring = await loadOrCreateKeyring(dir, {});
    const views = [
      JSON.parse(JSON.stringify(keyring)),
      JSON.parse(readFileSync(join(dir, 'keys', 'keyring.json'), 'utf8')),
      publicJwks(keyring, TEST_DID),
      didDocument(keyring, TEST_DID),
    ];
    for (const view of views) {
      expect(keysIn(view).filter((key) => PRIVATE_MEMBERS.includes(key))).toEqual([]);
      expect(JSON.stringify(view)).not.toContain('PRIVATE KEY');
    }
    expect(publicJwks(keyring, TEST_DID).keys.map((key) => [key.kty, key.alg])).toEqual([
      ['OKP', 'EdDSA'],
      ['RSA', 'RS256'],
    ]);
    expect(didDocument(keyring, TEST_DID)).toMatchObject({
      id: TEST_DID,
      verificationMethod: [
        { type: 'Multikey', controller: TEST_DID, publicKeyMultibase: expect.stringMatching(/^z6Mk/) },
        { type: 'JsonWebKey', controller: TEST_DID, publicKeyJwk: { kty: 'RSA' } },
      ],
    });
  });

  it('takes keys from ISSUER_ED25519_PRIVATE_KEY (PEM) and ISSUER_RSA_PRIVATE_KEY (JWK) without writing them', async () => {
    const dir = dataDir();
    const ed = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    const env = {
      ISSUER_ED25519_PRIVATE_KEY: ed.replace(/\n/g, '\\n'),
      ISSUER_RSA_PRIVATE_KEY: JSON.stringify(rsa),
    };
    const keyring = await loadOrCreateKeyring(dir, env);
    expect([keyring.ed25519.source, keyring.rsa.source]).toEqual(['environment', 'environment']);
    expect(readdirSync(join(dir, 'keys'))).toEqual(['keyring.json']);
    expect(readPublicKeys(dir)?.map((key) => key.kid)).toEqual([keyring.ed25519.kid, keyring.rsa.kid]);
  });

  it('refuses unusable configured keys with a message naming the variable, never the key', async () => {
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const cases = [
      { ISSUER_ED25519_PRIVATE_KEY: 'not a key' },
      { ISSUER_ED25519_PRIVATE_KEY: weak },
      { ISSUER_RSA_PRIVATE_KEY: weak },
    ];
    for (const env of cases) {
      const error = await loadOrCreateKeyring(dataDir(), env).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(KeyConfigError);
      expect((error as Error).message).toMatch(/ISSUER_(ED25519|RSA)_PRIVATE_KEY/);
      expect((error as Error).message).not.toContain('BEGIN');
    }
  });
});

describe('rotateKeys', () => {
  it('makes new active keys, keeps the old public keys, and old credentials and JWTs still verify', async () => {
    const dir = dataDir();
    const before = await loadOrCreateKeyring(dir, {});
    const created = new Date('2026-12-01T09:00:00Z');
    const loaderBefore = createDocumentLoader({ issuerDidDocument: didDocument(before, TEST_DID) });
    const oldCredential = await signDataIntegrity(sampleCredential('diploma'), before, loaderBefore, {
      created,
    });
    const oldJwt = await signVcJwt(sampleCredential('diploma'), before, 'RS256');

    const after = await rotateKeys(dir, {});
    expect(after.ed25519.kid).not.toBe(before.ed25519.kid);
    expect(after.retired.map((key) => key.kid)).toEqual([before.ed25519.kid, before.rsa.kid]);
    expect(existsSync(join(dir, 'keys', `${before.ed25519.kid}.pem`))).toBe(false);
    const document = didDocument(after, TEST_DID);
    expect(document.assertionMethod).toHaveLength(4);
    expect(document.authentication).toEqual([
      `${TEST_DID}#${after.ed25519.kid}`,
      `${TEST_DID}#${after.rsa.kid}`,
    ]);

    const deps = testVerifyDeps(after, {
      documentLoader: createDocumentLoader({ issuerDidDocument: document }),
    });
    expect((await verifyCredential(oldCredential, deps)).valid).toBe(true);
    expect((await verifyCredential(oldJwt, deps)).valid).toBe(true);
    const reloaded = await loadOrCreateKeyring(dir, {});
    expect(reloaded.retired).toHaveLength(2);
  });
});
