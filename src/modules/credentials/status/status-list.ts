/**
 * W3C Bitstring Status List v1.0: the bitstring, its encoding and the status list credential.
 * Index 0 is the left-most (most significant) bit of the first byte. `encodedList` is the multibase
 * base64url (prefix `u`, no padding) of the GZIP-compressed bitstring, at least 16 KB (131,072 entries)
 * uncompressed so that a set bit says little about which holder it belongs to.
 *
 * PERSISTED SHAPE: status list credentials and entries are embedded in, or served for, issued credentials.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { VC_V2_CONTEXT } from '../verifying/contexts.js';

/** Entries in one status list (16 KB uncompressed), the minimum the specification allows. */
export const STATUS_LIST_SIZE = 131_072;
/** Largest decoded list we accept from a third party (bytes), against decompression bombs. */
export const MAX_DECODED_LIST_BYTES = 16 * 1024 * 1024;
/** The multibase prefix of base64url without padding. */
const MULTIBASE_BASE64URL = 'u';
const BITS_PER_BYTE = 8;

/** The purposes a status list can serve. */
export const STATUS_PURPOSES = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** A bitstring: one bit per credential status, packed into bytes. */
export type Bitstring = Uint8Array;

/** A credential's pointer into a status list. */
export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: string;
  statusListIndex: string;
  statusListCredential: string;
}

/** An unsigned BitstringStatusListCredential. */
export interface StatusListCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id: string; type: 'BitstringStatusList'; statusPurpose: string; encodedList: string };
}

/** A bitstring of `size` zero bits (`size` a positive multiple of 8). */
export function createBitstring(size: number = STATUS_LIST_SIZE): Bitstring {
  if (!Number.isInteger(size) || size <= 0 || size % BITS_PER_BYTE !== 0) {
    throw new RangeError(`A bitstring size must be a positive multiple of ${BITS_PER_BYTE}, got ${size}`);
  }
  return new Uint8Array(size / BITS_PER_BYTE);
}

function position(bits: Bitstring, index: number): { byte: number; mask: number } {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * BITS_PER_BYTE) {
    throw new RangeError(`Status index ${index} is outside the list (0…${bits.length * BITS_PER_BYTE - 1})`);
  }
  return { byte: Math.floor(index / BITS_PER_BYTE), mask: 0x80 >> (index % BITS_PER_BYTE) };
}

/** Sets (or clears) the bit at `index`. */
export function setBit(bits: Bitstring, index: number, value = true): void {
  const { byte, mask } = position(bits, index);
  bits[byte] = value ? bits[byte]! | mask : bits[byte]! & ~mask;
}

/** The bit at `index`. */
export function getBit(bits: Bitstring, index: number): boolean {
  const { byte, mask } = position(bits, index);
  return (bits[byte]! & mask) !== 0;
}

/** `encodedList`: `u` + base64url (no padding) of the GZIP-compressed bitstring. */
export function encodeList(bits: Bitstring): string {
  return MULTIBASE_BASE64URL + gzipSync(bits).toString('base64url');
}

/** Thrown when an `encodedList` cannot be decoded. */
export class StatusListFormatError extends Error {
  override readonly name = 'StatusListFormatError';
}

/**
 * The bitstring of an `encodedList`. The multibase `u` prefix is required by the specification; a value
 * without it (StatusList2021 lists) is read as plain base64url.
 */
export function decodeList(encodedList: string): Bitstring {
  const text = encodedList.startsWith(MULTIBASE_BASE64URL) ? encodedList.slice(1) : encodedList;
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new StatusListFormatError('encodedList is not base64url');
  try {
    return new Uint8Array(
      gunzipSync(Buffer.from(text, 'base64url'), { maxOutputLength: MAX_DECODED_LIST_BYTES }),
    );
  } catch {
    throw new StatusListFormatError('encodedList is not a GZIP-compressed bitstring within the size limit');
  }
}

/** The entry a credential carries for its place `index` in the list `listUrl`. */
export function statusListEntry(
  listUrl: string,
  index: number,
  purpose: StatusPurpose,
): BitstringStatusListEntry {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Invalid status list index ${index}`);
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}

/** What a status list credential is built from. */
export interface StatusListCredentialInput {
  /** The URL the list is served at (also the credential id). */
  id: string;
  /** The issuer's DID. */
  issuer: string;
  purpose: StatusPurpose;
  encodedList: string;
  /** ISO-8601 instant. */
  validFrom: string;
  validUntil?: string;
}

/** An unsigned BitstringStatusListCredential (sign it with `signDataIntegrity`). */
export function buildStatusListCredential(input: StatusListCredentialInput): StatusListCredential {
  return {
    '@context': [VC_V2_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: input.purpose,
      encodedList: input.encodedList,
    },
  };
}

const decodedLists = new WeakMap<object, Bitstring>();

/**
 * Whether `entry`'s bit is set in `list` (a status list credential already verified by the caller).
 * Throws StatusListFormatError when the list does not match the entry (purpose, index range, encoding).
 */
export function isEntrySet(entry: BitstringStatusListEntry, list: StatusListCredential): boolean {
  const subject = list.credentialSubject;
  const purposes = Array.isArray(subject.statusPurpose) ? subject.statusPurpose : [subject.statusPurpose];
  if (!purposes.includes(entry.statusPurpose)) {
    throw new StatusListFormatError(`The list serves ${purposes.join(', ')}, not ${entry.statusPurpose}`);
  }
  let bits = decodedLists.get(list);
  if (!bits) {
    bits = decodeList(subject.encodedList);
    decodedLists.set(list, bits);
  }
  const index = Number(entry.statusListIndex);
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * BITS_PER_BYTE) {
    throw new StatusListFormatError(`statusListIndex ${entry.statusListIndex} is outside the list`);
  }
  return getBit(bits, index);
}
