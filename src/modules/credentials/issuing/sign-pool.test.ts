import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  sampleCredential,
  TEST_BASE_URL,
  TEST_DID,
  testKeyring,
  testVerifyDeps,
} from '../credentials-fixtures.js';
import type { IssuerContext } from '../keys/issuer.js';
import { issuerDocuments } from '../keys/issuer.js';
import { verifyCredential } from '../verifying/verify.js';
import { jwsSignatureValid } from '../verifying/verify-proof.js';
import { closeSigningPool, signInPool, signTaskInProcess } from './sign-pool.js';

/** Signing in the worker threads of batch issuance gives the bytes signing in-process gives. */
describe('the signing worker pool', () => {
  afterAll(() => closeSigningPool());

  it('signs in a worker thread exactly as in-process: the same Data Integrity JSON, valid JWTs', async () => {
    const keyring = await testKeyring();
    const { document, loader } = issuerDocuments(keyring, TEST_DID);
    const issuer = {
      did: TEST_DID,
      baseUrl: TEST_BASE_URL,
      keyring,
      didDocument: document,
      documentLoader: loader,
    } as unknown as IssuerContext;
    const now = new Date('2027-02-01T10:00:00Z');
    const unsigned = sampleCredential('certificate-of-achievement', 7);
    const inProcess = await signInPool(issuer, unsigned, now, 0);
    const inWorkers = await Promise.all([1, 2, 3].map(() => signInPool(issuer, unsigned, now, 2)));
    // Ed25519 signatures are deterministic: the same credential and `created` give the same bytes.
    for (const signed of inWorkers) expect(signed.json).toBe(inProcess.json);
    const deps = testVerifyDeps(keyring);
    for (const form of [inWorkers[0]!.json, inWorkers[0]!.jwtRs256, inWorkers[0]!.jwtEddsa]) {
      const result = await verifyCredential(form.startsWith('{') ? JSON.parse(form) : form, {
        ...deps,
        now: new Date('2027-03-01T12:00:00Z'),
      });
      expect(result.checks.find((check) => check.id === 'proof')?.message).toBe('ok');
    }
  });

  it('signs with the key each task carries: an equal key is reused, a rotated key under the same kid is used', async () => {
    const keyring = await testKeyring();
    const { document } = issuerDocuments(keyring, TEST_DID);
    const unsigned = sampleCredential('certificate-of-achievement', 8);
    const task = (rsa: KeyObject) => ({
      unsigned,
      keys: {
        ed25519: { kid: keyring.ed25519.kid, privateKey: keyring.ed25519.privateKey },
        rsa: { kid: keyring.rsa.kid, privateKey: rsa },
      },
      didDocument: document,
      created: '2027-02-01T10:00:00.000Z',
    });
    // What a worker thread receives: an equal key as a new KeyObject, then another key under the same kid.
    const copy = createPrivateKey(keyring.rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const rotated = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const first = await signTaskInProcess(task(keyring.rsa.privateKey));
    const again = await signTaskInProcess(task(copy));
    const third = await signTaskInProcess(task(rotated.privateKey));
    expect(jwsSignatureValid(first.jwtRs256, 'RS256', keyring.rsa.publicKey)).toBe(true);
    expect(jwsSignatureValid(again.jwtRs256, 'RS256', keyring.rsa.publicKey)).toBe(true);
    expect(jwsSignatureValid(third.jwtRs256, 'RS256', rotated.publicKey)).toBe(true);
    expect(jwsSignatureValid(third.jwtRs256, 'RS256', keyring.rsa.publicKey)).toBe(false);
  });
});
