import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCredential, testKeyring, testVerifyDeps } from '../credentials-fixtures.js';
import { signVcJwt } from '../issuing/sign.js';
import { loadOrCreateKeyring } from '../keys/keys.js';
import { decodedJwt, forgetDecodedJwts, isKnownJwt } from './jwt-memo.js';
import { verifyCredential } from './verify.js';

/**
 * VC-JWTs already read (issue 16, "Performance"): the same token is decoded and schema-checked once, its
 * signature checked once per key; nothing is lent to another text or another key.
 */
describe('VC-JWTs already read', () => {
  const codes = (result: Awaited<ReturnType<typeof verifyCredential>>) =>
    Object.fromEntries(result.checks.map((check) => [check.id, check.message]));

  it('answers the same token the same way, and never lets a changed token or another key borrow it', async () => {
    forgetDecodedJwts();
    const keyring = await testKeyring();
    const deps = testVerifyDeps(keyring);
    for (const alg of ['EdDSA', 'RS256'] as const) {
      const jwt = await signVcJwt(sampleCredential('certificate-of-achievement'), keyring, alg);
      expect(isKnownJwt(jwt)).toBe(false);
      const first = await verifyCredential(jwt, deps);
      expect(first.valid).toBe(true);
      expect(isKnownJwt(jwt)).toBe(true);
      expect(decodedJwt(jwt)).toBe(decodedJwt(jwt));
      const again = await verifyCredential(jwt, deps);
      expect(again).toEqual(first);

      // One character of the signature changed: another text, checked afresh, refused.
      const at = jwt.length - 10;
      const forged = `${jwt.slice(0, at)}${jwt[at] === 'A' ? 'B' : 'A'}${jwt.slice(at + 1)}`;
      expect(codes(await verifyCredential(forged, deps)).proof).toBe('invalid_signature');

      // Another key behind the same verification method (a rotation): the remembered answer is not lent.
      const otherKeys = await loadOrCreateKeyring(mkdtempSync(join(tmpdir(), 'diploma-keys-')), {});
      const rotated = await verifyCredential(jwt, testVerifyDeps(otherKeys));
      expect(rotated.checks.find((check) => check.id === 'proof')?.ok).toBe(false);
      // Status and dates are judged every time: a set status bit fails the same token.
      const setEntry = (first.credential!.credentialStatus as { id: string }).id;
      const revoked = await verifyCredential(jwt, testVerifyDeps(keyring, { setEntries: [setEntry] }));
      expect(codes(revoked).status).toBe('revoked');
      const early = await verifyCredential(jwt, testVerifyDeps(keyring, { now: new Date('2000-01-01') }));
      expect(codes(early).validity).toBe('not_yet_valid');
    }
  });

  it('reads an unreadable token as unreadable, every time', async () => {
    const deps = testVerifyDeps(await testKeyring());
    for (let i = 0; i < 2; i++) {
      const result = await verifyCredential('eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.c2ln', deps);
      expect(result.valid).toBe(false);
      expect(codes(result).proof).toBe('malformed_jwt');
    }
    expect(decodedJwt('eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.c2ln')).toBeNull();
  });
});
