import { describe, expect, it } from 'vitest';
import {
  decodeUpload,
  describeCheckedCredential,
  MAX_SUBMITTED_BYTES,
  readSubmittedCredential,
} from './submitted-credential.js';
import type { VerificationResult } from './verify.js';

const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2lnbmF0dXJl';

describe('a submitted credential, read by its content', () => {
  it('accepts a JSON object or a compact JWT (also quoted, with a byte-order mark or blank lines)', () => {
    expect(readSubmittedCredential('{"type":["VerifiableCredential"]}')).toEqual({
      ok: true,
      input: { type: ['VerifiableCredential'] },
    });
    expect(readSubmittedCredential(`\n  ${JWT}\n`)).toEqual({ ok: true, input: JWT });
    expect(readSubmittedCredential(JSON.stringify(JWT))).toEqual({ ok: true, input: JWT });
    expect(readSubmittedCredential(`\uFEFF{"a":1}`)).toEqual({ ok: true, input: { a: 1 } });
  });

  it('refuses nothing, too much, and anything else with a precise problem', () => {
    expect(readSubmittedCredential('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(readSubmittedCredential(`{"a":"${'x'.repeat(MAX_SUBMITTED_BYTES)}"}`)).toEqual({
      ok: false,
      problem: 'tooLarge',
    });
    for (const text of ['hello', '[1,2]', '42', 'null', '"just a string"', 'a.b', '{"unterminated":']) {
      expect(readSubmittedCredential(text), text).toEqual({ ok: false, problem: 'notACredential' });
    }
  });

  it('decodes UTF-8 uploads and refuses binary ones', () => {
    expect(decodeUpload(Buffer.from('{"name":"Zoë"}'))).toBe('{"name":"Zoë"}');
    expect(decodeUpload(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe]))).toBeNull();
  });

  it('describes a result: the checks, what it says, and our page when its id is one of ours', () => {
    const id = '01234567-89ab-7cde-8f01-23456789abcd';
    const result: VerificationResult = {
      valid: false,
      kind: 'data-integrity',
      credential: {
        id: `https://diploma.example.org/verify/${id}`,
        validFrom: '2026-01-02T03:04:05Z',
        credentialSubject: {
          identifier: [{ identityType: 'name', hashed: false, identityHash: 'Zoë' }],
          achievement: { name: 'Academy' },
        },
      },
      checks: [
        { id: 'schema', ok: true, message: 'ok' },
        { id: 'proof', ok: false, message: 'invalid_signature' },
      ],
    };
    const described = describeCheckedCredential(result, 'https://diploma.example.org/');
    expect(described).toMatchObject({
      valid: false,
      kind: 'data-integrity',
      checks: [
        { id: 'schema', ok: true, code: 'ok' },
        { id: 'proof', ok: false, code: 'invalid_signature' },
      ],
      ownPage: `/verify/${id}`,
    });
    expect(described.content).toMatchObject({ holderName: 'Zoë', achievementName: { en: 'Academy' } });
    expect(describeCheckedCredential(result, 'https://elsewhere.example').ownPage).toBeNull();
    const foreign = {
      ...result,
      credential: { ...result.credential, id: 'https://diploma.example.org/verify/../x' },
    };
    expect(describeCheckedCredential(foreign, 'https://diploma.example.org').ownPage).toBeNull();
    expect(
      describeCheckedCredential({ ...result, credential: undefined } as VerificationResult, 'x').content,
    ).toBeNull();
  });
});
