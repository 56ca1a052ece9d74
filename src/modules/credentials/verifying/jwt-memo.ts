/**
 * VC-JWTs already read (issue 16, "Performance"): a token verified again — the same diploma checked by
 * many employers, a verification flood — is not base64-decoded, parsed and schema-checked again, and its
 * signature is not checked again by a key that already checked it. Everything remembered is a pure
 * function of the token's exact text (its header and claims; the schema check of its `vc`) or of the text
 * and one imported public key (the signature: a rotated or another key is another KeyObject, so it is
 * checked afresh). Status, validity dates and trust are judged every time (the key's authorisation once per
 * static document loader: verify-proof.ts).
 * Bounded by the characters held (the oldest token goes first). What it returns is shared: read-only.
 *
 * A token is remembered from its second reading on: the first leaves only its text in a list of tokens
 * seen once (and its reading in a one-token slot, for the rest of the same verification). Remembering
 * every new token kept thousands of parsed claims alive only to evict them unused, and the garbage
 * collector copying them cost a new token more than its Ed25519 check (issue 16: new tokens must verify at
 * half the speed of the raw signature check).
 */
import { isUtf8 } from 'node:buffer';
import type { KeyObject } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { scratchBytes } from './scratch-bytes.js';
import type { CheckResult } from './verify-checks.js';

type Json = Record<string, unknown>;

/** A token's parts as read once. */
export interface DecodedJwt {
  header: Json;
  payload: JWTPayload & { vc?: Json };
  /**
   * The schema check of `vc`, by schema file ('' for the shipped one); absent on a token's first reading
   * (nothing is remembered for it: a Map and a WeakMap per new token were garbage for the young collector).
   */
  schema?: Map<string, CheckResult>;
  /** The signature's answer for each key it was checked with (absent on a first reading). */
  signatures?: WeakMap<KeyObject, boolean>;
}

/** Characters of tokens held at most (about 16 MB of memory). */
const MEMO_CHARACTERS = 8_000_000;

/** A token remembered: its whole text (compared on a hit) and its reading. */
interface Remembered {
  jwt: string;
  entry: DecodedJwt | null;
}

/**
 * Tokens are found by their signature part, and a hit is confirmed by comparing the whole text: hashing
 * the whole text (5 KB: what a Map keyed by it does the first time) cost a new token about a tenth of its
 * verification, its signature's few hundred characters far less. Two texts with the same signature (a
 * forgery) share one place: the later replaces the earlier, neither is ever lent to the other.
 */
function keyOf(jwt: string): string {
  return jwt.slice(jwt.lastIndexOf('.') + 1);
}

const tokens = new Map<string, Remembered>();
let held = 0;

function remember(jwt: string, key: string, entry: DecodedJwt | null): void {
  if (jwt.length > MEMO_CHARACTERS / 8) return;
  const replaced = tokens.get(key);
  if (replaced) {
    tokens.delete(key);
    held -= replaced.jwt.length;
  }
  while (held + jwt.length > MEMO_CHARACTERS && tokens.size > 0) {
    const [oldestKey, oldest] = tokens.entries().next().value as [string, Remembered];
    tokens.delete(oldestKey);
    held -= oldest.jwt.length;
  }
  tokens.set(key, { jwt, entry });
  held += jwt.length;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** The last text found to have the shape (looksLikeJwt then decodedJwt test the same token once). */
let lastShaped = '';

/** True when `text` has the shape of a compact JWS: three non-empty base64url parts, nothing else. */
export function hasCompactJwsShape(text: string): boolean {
  if (text === lastShaped) return true;
  if (!COMPACT_JWS.test(text)) return false;
  lastShaped = text;
  return true;
}

/**
 * One base64url part of a compact JWS as a JSON object, or null — what jose's `decodeJwt` and
 * `decodeProtectedHeader` accept: the part's alphabet was checked by the shape, a length of 1 modulo 4 is
 * not base64, the bytes must be valid UTF-8 (jose decodes with a fatal TextDecoder, which also drops a
 * leading byte order mark) and the JSON a plain object. Node's native decoder needs no intermediate
 * string: jose's portable one (atob, a byte loop) was about half of reading a new token.
 */
function jsonPart(part: string): Json | null {
  if (part.length % 4 === 1) return null;
  const bytes = scratchBytes(part, 'base64url');
  if (!isUtf8(bytes)) return null;
  const text = bytes.toString('utf8');
  const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

/** The header and claims of a compact JWS, both JSON objects (what jose's decoders accept), or null. */
function readCompactJws(jwt: string): Pick<DecodedJwt, 'header' | 'payload'> | null {
  if (!hasCompactJwsShape(jwt)) return null;
  const first = jwt.indexOf('.');
  const second = jwt.indexOf('.', first + 1);
  try {
    const header = jsonPart(jwt.slice(0, first));
    const payload = header && jsonPart(jwt.slice(first + 1, second));
    return header && payload ? { header, payload: payload as DecodedJwt['payload'] } : null;
  } catch {
    return null;
  }
}

/** Characters of tokens seen once held at most (texts only, the oldest first out). */
const SEEN_ONCE_CHARACTERS = 4_000_000;
/** Tokens seen once: their text by their signature part. */
const seenOnce = new Map<string, string>();
let seenHeld = 0;

/** True the second time a text comes (the first time, it is noted). */
function seenBefore(jwt: string, key: string): boolean {
  const seen = seenOnce.get(key);
  if (seen !== undefined) {
    seenOnce.delete(key);
    seenHeld -= seen.length;
    if (seen === jwt) return true;
  }
  if (jwt.length > SEEN_ONCE_CHARACTERS / 8) return false;
  while (seenHeld + jwt.length > SEEN_ONCE_CHARACTERS && seenOnce.size > 0) {
    const [oldestKey, oldest] = seenOnce.entries().next().value as [string, string];
    seenOnce.delete(oldestKey);
    seenHeld -= oldest.length;
  }
  seenOnce.set(key, jwt);
  seenHeld += jwt.length;
  return false;
}

/** The last token read and its reading (the rest of one verification reads it again). */
let last: Remembered = { jwt: '', entry: null };

/** The reading of this exact text if remembered, else undefined. */
function rememberedReading(jwt: string, key: string): Remembered | undefined {
  const known = tokens.get(key);
  return known !== undefined && known.jwt === jwt ? known : undefined;
}

/** The header and claims of a compact JWS (read once per token text), or null when unreadable. */
export function decodedJwt(jwt: string): DecodedJwt | null {
  if (last.jwt === jwt) return last.entry;
  const key = keyOf(jwt);
  const known = rememberedReading(jwt, key);
  if (known) {
    last = known;
    return known.entry;
  }
  const read = readCompactJws(jwt);
  let entry: DecodedJwt | null = read;
  if (seenBefore(jwt, key)) {
    entry = read && { ...read, schema: new Map(), signatures: new WeakMap() };
    remember(jwt, key, entry);
  }
  last = { jwt, entry };
  return entry;
}

/** True when this exact text was read as a token before (it has the shape: no need to test it again). */
export function isKnownJwt(text: string): boolean {
  if (last.jwt === text) return last.entry !== null;
  return !!rememberedReading(text, keyOf(text))?.entry;
}

/** Forgets every token read (tests). */
export function forgetDecodedJwts(): void {
  tokens.clear();
  held = 0;
  seenOnce.clear();
  seenHeld = 0;
  last = { jwt: '', entry: null };
}
