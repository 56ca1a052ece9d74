import { createHash, randomBytes, randomFillSync } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/** Random bytes drawn 4 KB at a time (one system call per 256 ids instead of one per id). */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

/** 16 fresh random bytes, never handed out twice. */
function random16(): Buffer {
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + 16));
  poolOffset += 16;
  return bytes;
}

/**
 * A UUID version 7: time-ordered (so indexes stay compact and lists sort by creation) and random enough to
 * be unguessable. Generated in the application so both database engines get the same ids. Ids made by
 * this process are strictly increasing even within one millisecond (RFC 9562 §6.2, method 1: the 12 bits
 * after the timestamp count up from a random start), so "by id" is "in the order made".
 */
export function newId(now: number = Date.now()): string {
  const bytes = random16();
  if (now > lastMs) {
    lastMs = now;
    counter = bytes.readUInt16BE(6) & 0x07ff; // a random start that leaves room to count up
  } else if (++counter > 0x0fff) {
    lastMs += 1; // more than 2,048 ids in one millisecond: borrow the next one
    counter = 0;
  }
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
