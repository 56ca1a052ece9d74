import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import { jwsSignatureValid } from './verify-proof.js';

const ed = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const signed = (alg: 'EdDSA' | 'RS256') =>
  new SignJWT({ vc: { id: 'urn:uuid:1' } })
    .setProtectedHeader({ alg })
    .setIssuer('did:example:1')
    .sign(alg === 'EdDSA' ? ed.privateKey : rsa.privateKey);

describe('the synchronous JWS signature check of VC-JWTs', () => {
  test('accepts a token signed by the key, for each algorithm', async () => {
    expect(jwsSignatureValid(await signed('EdDSA'), 'EdDSA', ed.publicKey)).toBe(true);
    expect(jwsSignatureValid(await signed('RS256'), 'RS256', rsa.publicKey)).toBe(true);
  });

  test('refuses a changed payload, a changed signature and another key', async () => {
    const token = await signed('EdDSA');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const other = Buffer.from(JSON.stringify({ vc: { id: 'urn:uuid:2' } })).toString('base64url');
    expect(jwsSignatureValid(`${header}.${other}.${signature}`, 'EdDSA', ed.publicKey)).toBe(false);
    // The first character (its six bits are all signature bits; the last one's low bits are padding).
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(jwsSignatureValid(`${header}.${payload}.${flipped}`, 'EdDSA', ed.publicKey)).toBe(false);
    expect(jwsSignatureValid(token, 'EdDSA', generateKeyPairSync('ed25519').publicKey)).toBe(false);
  });

  test('refuses an algorithm that does not match the key, an unknown algorithm and a malformed token', async () => {
    expect(jwsSignatureValid(await signed('EdDSA'), 'RS256', ed.publicKey)).toBe(false);
    expect(jwsSignatureValid(await signed('RS256'), 'EdDSA', rsa.publicKey)).toBe(false);
    expect(jwsSignatureValid(await signed('RS256'), 'HS256', rsa.publicKey)).toBe(false);
    expect(jwsSignatureValid('not-a-token', 'EdDSA', ed.publicKey)).toBe(false);
    expect(jwsSignatureValid('a.b', 'EdDSA', ed.publicKey)).toBe(false);
  });
});
