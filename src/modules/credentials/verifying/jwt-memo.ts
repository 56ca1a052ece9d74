/**
 * VC-JWTs already read (issue 16, "Performance"): a token verified again — the same diploma checked by
 * many employers, a verification flood — is not base64-decoded, parsed and schema-checked again, and its
 * signature is not checked again by a key that already checked it. Everything remembered is a pure
 * function of the token's exact text (its header and claims; the schema check of its `vc`) or of the text
 * and one imported public key (the signature: a rotated or another key is another KeyObject, so it is
 * checked afresh). Status, validity dates, the key's authorisation and trust are judged every time.
 * Bounded by the characters held (the oldest token goes first). What it returns is shared: read-only.
 */
import type { KeyObject } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import type { CheckResult } from './verify-checks.js';

type Json = Record<string, unknown>;

/** A token's parts as read once. */
export interface DecodedJwt {
  header: Json;
  payload: JWTPayload & { vc?: Json };
  /** The schema check of `vc`, by schema file ('' for the shipped one). */
  schema: Map<string, CheckResult>;
  /** The signature's answer for each key it was checked with. */
  signatures: WeakMap<KeyObject, boolean>;
}

/** Characters of tokens held at most (about 16 MB of memory). */
const MEMO_CHARACTERS = 8_000_000;
const tokens = new Map<string, DecodedJwt | null>();
let held = 0;

function remember(jwt: string, entry: DecodedJwt | null): void {
  if (jwt.length > MEMO_CHARACTERS / 8) return;
  while (held + jwt.length > MEMO_CHARACTERS && tokens.size > 0) {
    const oldest = tokens.keys().next().value as string;
    tokens.delete(oldest);
    held -= oldest.length;
  }
  tokens.set(jwt, entry);
  held += jwt.length;
}

/** The header and claims of a compact JWS (read once per token text), or null when unreadable. */
export function decodedJwt(jwt: string): DecodedJwt | null {
  const known = tokens.get(jwt);
  if (known !== undefined) return known;
  let entry: DecodedJwt | null;
  try {
    entry = {
      header: decodeProtectedHeader(jwt) as Json,
      payload: decodeJwt(jwt) as DecodedJwt['payload'],
      schema: new Map(),
      signatures: new WeakMap(),
    };
  } catch {
    entry = null;
  }
  remember(jwt, entry);
  return entry;
}

/** True when this exact text was read as a token before (it has the shape: no need to test it again). */
export function isKnownJwt(text: string): boolean {
  return !!tokens.get(text);
}

/** Forgets every token read (tests). */
export function forgetDecodedJwts(): void {
  tokens.clear();
  held = 0;
}
