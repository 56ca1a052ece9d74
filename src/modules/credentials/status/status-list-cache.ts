/**
 * The verifier's copy of our status lists' bits (issue 16, "Performance"): a status check reads a bit, not
 * a 40 KB row and a base64 decode. Per database (keyed by the caller's `Services` object: tests open many
 * databases in one process), by list URL and by purpose and number.
 *
 * Invalidation: a change of a bit through `setStatusBit` (every revocation, suspension and reinstatement
 * goes through it) and the creation of a list forget every copy in the process at once; and at most every
 * STATUS_RECHECK_MS a verification first reads every list's URL and ETag (a few short rows) and forgets
 * the copies whose ETag changed, and the lists known not to exist when the number of lists changed —
 * which covers another node's change and a read that raced a change before its commit. So a status change
 * is seen at once by the process that made it, and within STATUS_RECHECK_MS by any other (and a copy read
 * inside a transaction that is then rolled back is dropped the same way: its ETag was never committed).
 * Reading for a change (inside a transaction, the row locked) never goes through here. Not a use case.
 */
import type { Executor } from '../../../db/database.js';
import { findStatusListBits, listStatusListVersions } from '../credentials.repository.js';

/** How stale a copy may be, at most, for a change made by another process. */
export const STATUS_RECHECK_MS = 250;

/** One list's bits as the verifier reads them. */
export interface CachedStatusList {
  url: string;
  purpose: string;
  listNumber: number;
  size: number;
  bits: Uint8Array;
  etag: string;
}

interface ListCache {
  generation: number;
  checkedAt: number;
  /** Each list by URL and by purpose and number; null: no such list (a third party's URL, say). */
  byKey: Map<string, CachedStatusList | null>;
  /** How many lists there were at the last revalidation (a new list makes the nulls stale). */
  lists: number;
}

const caches = new WeakMap<object, ListCache>();
/** Bumped by every change in this process: a cache of an older generation is emptied before use. */
let generation = 0;

/** Forgets every copy (a bit changed in this process). */
export function forgetStatusLists(): void {
  generation += 1;
}

function cacheOf(owner: object): ListCache {
  let cache = caches.get(owner);
  if (!cache) {
    cache = { generation, checkedAt: performance.now(), byKey: new Map(), lists: -1 };
    caches.set(owner, cache);
  }
  if (cache.generation !== generation) {
    cache.byKey.clear();
    cache.generation = generation;
  }
  return cache;
}

/** True when the copies are due for a revalidation (tested before calling it: most checks need none). */
const revalidationDue = (cache: ListCache) =>
  cache.byKey.size !== 0 && performance.now() - cache.checkedAt >= STATUS_RECHECK_MS;

async function revalidate(db: Executor, cache: ListCache): Promise<void> {
  cache.checkedAt = performance.now();
  const versions = await listStatusListVersions(db);
  const current = new Map(versions.map((row) => [row.url, row.etag]));
  const created = versions.length !== cache.lists;
  cache.lists = versions.length;
  for (const [key, list] of cache.byKey) {
    if (list ? current.get(list.url) !== list.etag : created) cache.byKey.delete(key);
  }
}

const placeKey = (purpose: string, listNumber: number) => `${purpose}\u0000${listNumber}`;

type ListPlace = { url: string } | { purpose: string; listNumber: number };

const keyOfPlace = (where: ListPlace) =>
  'url' in where ? where.url : placeKey(where.purpose, where.listNumber);

/**
 * `cachedStatusList` without a promise when the copy is known and not due for revalidation (the common
 * case: a verification's status checks then cost no event-loop turn), else its promise.
 */
export function statusListNowOrLater(
  db: Executor,
  owner: object,
  where: ListPlace,
): CachedStatusList | undefined | Promise<CachedStatusList | undefined> {
  const cache = cacheOf(owner);
  if (!revalidationDue(cache)) {
    const known = cache.byKey.get(keyOfPlace(where));
    if (known !== undefined) return known ?? undefined;
  }
  return cachedStatusList(db, owner, where);
}

/**
 * One of our lists (by its URL, or its purpose and number) with its bits, or undefined when there is no such
 * list (a third party's URL). `owner`: the caller's `Services` (one cache each).
 */
export async function cachedStatusList(
  db: Executor,
  owner: object,
  where: ListPlace,
): Promise<CachedStatusList | undefined> {
  const cache = cacheOf(owner);
  if (revalidationDue(cache)) await revalidate(db, cache);
  const key = keyOfPlace(where);
  const known = cache.byKey.get(key);
  if (known !== undefined) return known ?? undefined;
  const startedAt = generation;
  const row = await findStatusListBits(db, where);
  if (!row) {
    if (startedAt === generation && cache.generation === generation) cache.byKey.set(key, null);
    return undefined;
  }
  const list: CachedStatusList = {
    url: row.url,
    purpose: row.purpose,
    listNumber: row.list_number,
    size: row.size,
    bits: new Uint8Array(Buffer.from(row.bits_base64, 'base64')),
    etag: row.etag,
  };
  // A change made while this row was read may not be in it: keep it only if nothing changed meanwhile.
  if (startedAt === generation && cache.generation === generation) {
    cache.byKey.set(list.url, list);
    cache.byKey.set(placeKey(list.purpose, list.listNumber), list);
  }
  return list;
}
