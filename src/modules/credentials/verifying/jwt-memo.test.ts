import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeJwt, decodeProtectedHeader } from 'jose';
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

  it('keeps a token from its second reading on, and only its text after the first', () => {
    forgetDecodedJwts();
    const header = Buffer.from('{"alg":"EdDSA"}').toString('base64url');
    const token = (n: number) => `${header}.${Buffer.from(`{"n":${n}}`).toString('base64url')}.c2ln${n}`;
    const first = decodedJwt(token(1));
    expect(decodedJwt(token(1))).toBe(first); // the same verification reads it again
    expect(decodedJwt(token(2))?.payload).toEqual({ n: 2 });
    expect(isKnownJwt(token(1))).toBe(false); // read once, then another: not kept
    const second = decodedJwt(token(1));
    expect(second).not.toBe(first);
    expect(second?.payload).toEqual({ n: 1 });
    decodedJwt(token(3));
    expect(isKnownJwt(token(1))).toBe(true); // read twice: kept
    expect(decodedJwt(token(1))).toBe(second);
    // Another text with the same signature (tokens are found by it): read for what it is, never lent.
    const twin = `${header}.${Buffer.from('{"n":9}').toString('base64url')}.c2ln1`;
    for (let i = 0; i < 3; i++) {
      expect(decodedJwt(twin)?.payload).toEqual({ n: 9 });
      expect(decodedJwt(token(1))?.payload).toEqual({ n: 1 });
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

  /** What jose's decoders (used before issue 16's work) make of a token: header and claims, or null. */
  const byJose = (jwt: string) => {
    try {
      return { header: decodeProtectedHeader(jwt), payload: decodeJwt(jwt) };
    } catch {
      return null;
    }
  };
  const part = (text: string | Uint8Array) => Buffer.from(text).toString('base64url');

  it('reads a token exactly as jose does: plain JSON objects in strict UTF-8, nothing else', () => {
    const header = part('{"alg":"EdDSA","typ":"JWT"}');
    const cases = [
      `${header}.${part('{"iss":"did:web:x","vc":{"id":"é✓"}}')}.c2ln`,
      `${header}.${part('\uFEFF{"iss":"a"}')}.c2ln`, // a byte order mark, dropped as TextDecoder does
      `${header}.${part('[1,2]')}.c2ln`, // an array is not a claims set
      `${header}.${part('null')}.c2ln`,
      `${header}.${part('"text"')}.c2ln`,
      `${header}.${part(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))}.c2ln`, // not UTF-8
      `${part('[]')}.${part('{"a":1}')}.c2ln`, // the header must be an object too
      `${header}.${part('{"a":1}').slice(0, -1)}x.c2ln`, // a damaged part
      `${header}.A.c2ln`, // one base64 character is no byte
    ];
    for (const jwt of cases) {
      forgetDecodedJwts();
      const ours = decodedJwt(jwt);
      const jose = byJose(jwt);
      expect(ours ? { header: ours.header, payload: ours.payload } : null, jwt).toEqual(jose);
    }
  });

  it('agrees with jose on any JSON value and any bytes in either part', () => {
    const anyPart = fc.oneof(
      fc.json().map((text) => part(text)),
      fc.uint8Array({ maxLength: 40 }).map((bytes) => part(bytes)),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
    );
    fc.assert(
      fc.property(anyPart, anyPart, (header, payload) => {
        const jwt = `${header}.${payload}.c2ln`;
        forgetDecodedJwts();
        const ours = decodedJwt(jwt);
        expect(ours ? { header: ours.header, payload: ours.payload } : null).toEqual(byJose(jwt));
      }),
      { numRuns: 500 },
    );
  });
});
