import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

    // The second time, canonicalisation is skipped: a loader that refuses JSON-LD contexts would fail it.
    let contextsLoaded = 0;
    const counting = {
      ...deps,
      documentLoader: async (url: string) => {
        if (!url.startsWith('did:')) contextsLoaded++;
        return deps.documentLoader(url);
      },
    };
    expect(await checkDataIntegrityProof(structuredClone(signed), counting)).toEqual(first);
    expect(contextsLoaded).toBe(0);

    // One letter changed: a miss, canonicalised, and refused.
    const tampered = structuredClone(signed) as Record<string, unknown> & { name: string };
    tampered.name = `${tampered.name}!`;
    expect(await checkDataIntegrityProof(tampered, counting)).toMatchObject({
      ok: false,
      message: 'invalid_signature',
    });
    expect(contextsLoaded).toBeGreaterThan(0);

    // Another issuer key behind the same verification method: the memo does not answer for it.
    const otherKeys = await loadOrCreateKeyring(mkdtempSync(join(tmpdir(), 'diploma-keys-')), {});
    const rotated = testVerifyDeps(otherKeys);
    expect((await verifyCredential(structuredClone(signed), rotated)).valid).toBe(false);
  });
});
