import { createHash, randomBytes, randomFillSync } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * Random bytes for ids, drawn from the system's generator 4 KiB at a time: `randomBytes(16)` per id cost
 * about 5 µs (a native job per call), as much as a small page's whole layout, and every request makes one
 * (its request id). Each id takes 16 bytes of the pool once; none is used twice.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolUsed = POOL_BYTES;

/** Hex of 0–255, for writing an id without a Buffer of its own. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A UUID version 7: time-ordered (so indexes stay compact and lists sort by creation) and random enough to
 * be unguessable. Generated in the application so both database engines get the same ids. Ids made by
 * this process are strictly increasing even within one millisecond (RFC 9562 §6.2, method 1: the 12 bits
 * after the timestamp count up from a random start), so "by id" is "in the order made".
 */
export function newId(now: number = Date.now()): string {
  if (poolUsed + 16 > POOL_BYTES) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  const at = poolUsed;
  poolUsed += 16;
  if (now > lastMs) {
    lastMs = now;
    counter = pool.readUInt16BE(at + 6) & 0x07ff; // a random start that leaves room to count up
  } else if (++counter > 0x0fff) {
    lastMs += 1; // more than 2,048 ids in one millisecond: borrow the next one
    counter = 0;
  }
  // 48 bits of milliseconds, version 7 and the counter, then the variant and 62 random bits.
  const time = lastMs.toString(16).padStart(12, '0');
  let random = HEX[(pool[at + 8]! & 0x3f) | 0x80]!;
  for (let i = at + 9; i < at + 16; i++) random += HEX[pool[i]!]!;
  const version = (0x7000 | counter).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-${version}-${random.slice(0, 4)}-${random.slice(4)}`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when `value` has the shape of an id we generate (checked before it reaches SQL). */
export function isId(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** A random secret, base64url encoded (for session ids, one-time links and API tokens). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a secret, hex encoded: what we store instead of the secret itself. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
