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
import { closeSigningPool, signInPool } from './sign-pool.js';

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
});
