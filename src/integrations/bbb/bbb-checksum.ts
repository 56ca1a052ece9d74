/**
 * BigBlueButton's API checksum: `checksum = sha(callName + queryString + secret)` in hex, where the query
 * string is exactly the one sent (without `checksum`). SHA-1 (40 hex digits) is the historical default;
 * SHA-256 (64) is accepted by BBB 2.x and later. Pure.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type BbbHash = 'sha1' | 'sha256';

/** The checksum of one call. */
export function bbbChecksum(
  callName: string,
  queryString: string,
  secret: string,
  hash: BbbHash = 'sha256',
): string {
  return createHash(hash)
    .update(callName + queryString + secret)
    .digest('hex');
}

/** The query string of `params` in the order given (values URL-encoded the way BBB expects). */
export function bbbQuery(params: Readonly<Record<string, string>>): string {
  return new URLSearchParams(params).toString();
}

/**
 * True when `checksum` matches the call with either hash (chosen by its length); what a server checks.
 * `queryString` is the received query without its `checksum` parameter.
 */
export function isValidBbbChecksum(
  callName: string,
  queryString: string,
  secret: string,
  checksum: string,
): boolean {
  const hash: BbbHash | null = checksum.length === 40 ? 'sha1' : checksum.length === 64 ? 'sha256' : null;
  if (!hash || !/^[0-9a-f]+$/i.test(checksum)) return false;
  const expected = Buffer.from(bbbChecksum(callName, queryString, secret, hash), 'hex');
  return timingSafeEqual(expected, Buffer.from(checksum.toLowerCase(), 'hex'));
}

/** The query string a server received, without its `checksum` parameter (kept in the order sent). */
export function queryWithoutChecksum(rawQuery: string): { query: string; checksum: string | null } {
  let checksum: string | null = null;
  const kept: string[] = [];
  for (const part of rawQuery.split('&')) {
    if (part.startsWith('checksum=')) checksum = part.slice('checksum='.length);
    else if (part !== '') kept.push(part);
  }
  return { query: kept.join('&'), checksum };
}
