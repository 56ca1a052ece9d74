import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildStatusListCredential,
  createBitstring,
  decodeList,
  encodeList,
  getBit,
  isEntrySet,
  STATUS_LIST_SIZE,
  StatusListFormatError,
  setBit,
  statusListEntry,
} from './status-list.js';

const LIST_URL = 'https://diploma.example.org/status/revocation/1';

describe('bitstring', () => {
  it('has 131,072 entries (16 KB) by default, index 0 being the left-most bit of the first byte', () => {
    const bits = createBitstring();
    expect(bits.length * 8).toBe(STATUS_LIST_SIZE);
    setBit(bits, 0);
    setBit(bits, 9);
    expect([bits[0], bits[1]]).toEqual([0b1000_0000, 0b0100_0000]);
    expect([getBit(bits, 0), getBit(bits, 1), getBit(bits, 9)]).toEqual([true, false, true]);
    setBit(bits, 0, false);
    expect(bits[0]).toBe(0);
    expect(() => setBit(bits, STATUS_LIST_SIZE)).toThrow(RangeError);
    expect(() => createBitstring(12)).toThrow(RangeError);
  });

  it('encodes as multibase base64url (prefix u, no padding) of the GZIP-compressed bytes', () => {
    const bits = createBitstring();
    setBit(bits, 42);
    const encoded = encodeList(bits);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    expect(new Uint8Array(gunzipSync(Buffer.from(encoded.slice(1), 'base64url')))).toEqual(bits);
  });

  it('round-trips any set of bits (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: STATUS_LIST_SIZE - 1 }), { maxLength: 200 }),
        (indexes) => {
          const bits = createBitstring();
          for (const index of indexes) setBit(bits, index);
          const decoded = decodeList(encodeList(bits));
          expect(decoded).toEqual(bits);
          for (const index of indexes) expect(getBit(decoded, index)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses an encodedList that is not base64url GZIP', () => {
    expect(() => decodeList('u!!!')).toThrow(StatusListFormatError);
    expect(() => decodeList(`u${Buffer.from('plain').toString('base64url')}`)).toThrow(StatusListFormatError);
  });
});

describe('status list credential', () => {
  it('is a BitstringStatusListCredential whose entries read their own bit', () => {
    const bits = createBitstring();
    setBit(bits, 7);
    const list = buildStatusListCredential({
      id: LIST_URL,
      issuer: 'did:web:diploma.example.org',
      purpose: 'revocation',
      encodedList: encodeList(bits),
      validFrom: '2026-12-01T00:00:00Z',
    });
    expect(list).toMatchObject({
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      credentialSubject: { id: `${LIST_URL}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    expect(isEntrySet(statusListEntry(LIST_URL, 7, 'revocation'), list)).toBe(true);
    expect(isEntrySet(statusListEntry(LIST_URL, 8, 'revocation'), list)).toBe(false);
    expect(() => isEntrySet(statusListEntry(LIST_URL, 7, 'suspension'), list)).toThrow(StatusListFormatError);
    expect(statusListEntry(LIST_URL, 7, 'revocation').statusListIndex).toBe('7');
  });
});
