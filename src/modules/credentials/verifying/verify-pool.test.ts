import { afterAll, describe, expect, it } from 'vitest';
import { sampleCredential, TEST_DID, testKeyring, testVerifyDeps } from '../credentials-fixtures.js';
import { signDataIntegrity } from '../issuing/sign.js';
import { didDocument } from '../keys/issuer-documents.js';
import type { VerificationResult } from './verify.js';
import { closeVerificationPool, runVerification } from './verify-pool.js';

describe('the verification worker pool', () => {
  afterAll(() => closeVerificationPool());

  it('gives in a worker thread the result it gives in-process (status left to the main thread)', async () => {
    const keyring = await testKeyring();
    const deps = testVerifyDeps(keyring);
    const signed = await signDataIntegrity(
      sampleCredential('certificate-of-achievement'),
      keyring,
      deps.documentLoader as never,
    );
    const task = {
      kind: 'credential' as const,
      input: signed,
      issuerDidDocument: didDocument(keyring, TEST_DID),
      extraDocuments: [],
      now: '2027-03-01T12:00:00Z',
      knownIssuers: [TEST_DID],
    };
    const inProcess = (await runVerification(task, 0)) as VerificationResult;
    const inWorker = (await runVerification(task, 1)) as VerificationResult;
    expect(inWorker).toEqual(inProcess);
    expect(inWorker.checks.map((c) => `${c.id}:${c.message}`)).toEqual([
      'schema:ok',
      'proof:ok',
      'status:unknown',
      'validity:ok',
      'issuer:known',
    ]);
    const tampered = (await runVerification(
      { ...task, input: { ...signed, name: 'changed' } },
      1,
    )) as VerificationResult;
    expect(tampered.checks[1]).toMatchObject({ ok: false, message: 'invalid_signature' });
  }, 60_000);
});
