import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { describe, expect, it, vi } from 'vitest';
import { sampleCredential, testKeyring, testVerifyDeps } from '../credentials-fixtures.js';
import { signDataIntegrity } from '../issuing/sign.js';
import { loadOrCreateKeyring } from '../keys/keys.js';
import { verifyCredential } from './verify.js';
import { checkDataIntegrityProof, forgetProvenProofs } from './verify-proof.js';

/**
 * The memo of judged proofs: a credential verified again gives the same answer without canonicalising it
 * again, and nothing about another credential or another key is ever answered from it.
 */
describe('proofs already judged', () => {
  it('answers the same credential the same way, and never lets a changed copy borrow the answer', async () => {
    forgetProvenProofs();
    const keyring = await testKeyring();
    const deps = testVerifyDeps(keyring);
    const signed = await signDataIntegrity(
      sampleCredential('certificate-of-achievement'),
      keyring,
      deps.documentLoader as never,
      { created: new Date('2026-12-01T09:00:00Z') },
    );
    const first = await checkDataIntegrityProof(signed, deps);
    expect(first).toEqual({ id: 'proof', ok: true, message: 'ok' });

    // The second time, canonicalisation is skipped (jsonld's toRDF, which the cryptosuite canonicalises
    // with, is not called; the standard contexts are resolved once per process, so loader calls would not
    // tell).
    const toRdf = vi.spyOn(jsonld as unknown as { toRDF: (...args: unknown[]) => unknown }, 'toRDF');
    expect(await checkDataIntegrityProof(structuredClone(signed), deps)).toEqual(first);
    expect(toRdf).not.toHaveBeenCalled();

    // One letter changed: a miss, canonicalised, and refused.
    const tampered = structuredClone(signed) as Record<string, unknown> & { name: string };
    tampered.name = `${tampered.name}!`;
    expect(await checkDataIntegrityProof(tampered, deps)).toMatchObject({
      ok: false,
      message: 'invalid_signature',
    });
    expect(toRdf).toHaveBeenCalled();
    toRdf.mockRestore();

    // Another issuer key behind the same verification method: the memo does not answer for it.
    const otherKeys = await loadOrCreateKeyring(mkdtempSync(join(tmpdir(), 'diploma-keys-')), {});
    const rotated = testVerifyDeps(otherKeys);
    expect((await verifyCredential(structuredClone(signed), rotated)).valid).toBe(false);
  });
});
