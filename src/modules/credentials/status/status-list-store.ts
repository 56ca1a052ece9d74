/**
 * The issuer's Bitstring Status Lists in the database: one revocation list and one suspension list per
 * 131,072 credentials. Every credential takes one index, the SAME in both lists: its `credentialStatus`
 * names the revocation entry only (the OB 3.0 schema allows one object), and our verifier and
 * verification page read the suspension list at that index too (docs/decisions/0007-credentials.md).
 * A change of a bit re-signs the list credential at once, in the changing transaction, with a new ETag.
 * Not a use case: helpers the use cases call inside their transactions.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../../../db/database.js';
import { newId } from '../../../kernel/ids.js';
import {
  findLatestStatusListCounter,
  findStatusList,
  insertStatusListOnce,
  statusListExists,
  takeStatusIndex,
  updateStatusList,
} from '../credentials.repository.js';
import { signDataIntegrity } from '../issuing/sign.js';
import type { IssuerContext } from '../keys/issuer.js';
import {
  type BitstringStatusListEntry,
  buildStatusListCredential,
  createBitstring,
  encodeList,
  getBit,
  STATUS_LIST_SIZE,
  type StatusPurpose,
  setBit,
} from './status-list.js';
import { type CachedStatusList, forgetStatusLists, statusListNowOrLater } from './status-list-cache.js';

/** A credential's place in the status lists. */
export interface StatusPlace {
  /** The global index (`credentials.status_index`): list number × list size + position. */
  index: number;
  listNumber: number;
  /** The index inside each list (`statusListIndex`). */
  position: number;
}

/** Pure: the place of a global index. */
export function placeOf(index: number, size = STATUS_LIST_SIZE): StatusPlace {
  return { index, listNumber: Math.floor(index / size), position: index % size };
}

/** Pure: the path segment of a list: `revocation` for the first, `revocation-2` for the second, … */
export function statusListSlug(purpose: StatusPurpose, listNumber: number): string {
  return listNumber === 0 ? purpose : `${purpose}-${listNumber + 1}`;
}

/** Pure: the purpose and number of a list path segment, or null. */
export function parseStatusListSlug(slug: string): { purpose: StatusPurpose; listNumber: number } | null {
  const match = /^(revocation|suspension)(?:-([2-9]|[1-9]\d{1,5}))?$/.exec(slug);
  if (!match) return null;
  return { purpose: match[1] as StatusPurpose, listNumber: match[2] ? Number(match[2]) - 1 : 0 };
}

/** The URL a status list is served at (also its credential id). */
export function statusListUrl(baseUrl: string, purpose: StatusPurpose, listNumber: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/status-lists/${statusListSlug(purpose, listNumber)}`;
}

/** A strong ETag of a signed list credential. */
function etagOf(credentialJson: string): string {
  return `"${createHash('sha256').update(credentialJson).digest('base64url').slice(0, 27)}"`;
}

/** Signs the list credential of `bits` (validFrom = now). */
async function signedList(
  issuer: IssuerContext,
  purpose: StatusPurpose,
  listNumber: number,
  bits: Uint8Array,
  now: Date,
): Promise<string> {
  const unsigned = buildStatusListCredential({
    id: statusListUrl(issuer.baseUrl, purpose, listNumber),
    issuer: issuer.did,
    purpose,
    encodedList: encodeList(bits),
    validFrom: now.toISOString(),
  });
  const signed = await signDataIntegrity(
    unsigned as unknown as Record<string, unknown>,
    issuer.keyring,
    issuer.documentLoader,
    { created: now },
  );
  return JSON.stringify(signed);
}

/** Creates the list of `purpose` and number (empty, signed) unless it exists. */
async function ensureList(
  db: Executor,
  issuer: IssuerContext,
  purpose: StatusPurpose,
  listNumber: number,
  now: Date,
): Promise<void> {
  if (await statusListExists(db, purpose, listNumber)) return;
  const bits = createBitstring(STATUS_LIST_SIZE);
  const credentialJson = await signedList(issuer, purpose, listNumber, bits, now);
  await insertStatusListOnce(db, {
    id: newId(),
    purpose,
    list_number: listNumber,
    url: statusListUrl(issuer.baseUrl, purpose, listNumber),
    size: STATUS_LIST_SIZE,
    bits_base64: Buffer.from(bits).toString('base64'),
    next_index: 0,
    etag: etagOf(credentialJson),
    credential_json: credentialJson,
    updated_at: now.toISOString(),
  });
  forgetStatusLists();
  if (!(await statusListExists(db, purpose, listNumber)))
    throw new Error(`status list ${purpose} ${listNumber} could not be created`);
}

/**
 * Takes the next free status index (inside the issuing transaction). The revocation list with the highest
 * number holds the counter (`next_index`, locked on PostgreSQL); when it is full the next pair of lists is
 * created. The suspension list of the same number always exists alongside.
 */
export async function allocateStatusIndex(
  db: Executor,
  issuer: IssuerContext,
  now: Date,
): Promise<StatusPlace> {
  const [place] = await allocateStatusIndexes(db, issuer, now, 1);
  if (!place) throw new Error('no status list index was taken');
  return place;
}

/**
 * Takes the next `count` free status indexes at once (a batch of certificates: one counter read and one
 * update per list touched), consecutive within a list; a batch that fills a list continues in the next.
 */
export async function allocateStatusIndexes(
  db: Executor,
  issuer: IssuerContext,
  now: Date,
  count: number,
): Promise<StatusPlace[]> {
  const places: StatusPlace[] = [];
  for (let stalls = 0; places.length < count; ) {
    if (stalls >= 5) throw new Error('could not take a status list index (too much contention)');
    // The counter only: the list's bits and signed credential (about 40 KB) are not read to issue.
    let list = await findLatestStatusListCounter(db, 'revocation', { lock: true });
    if (!list) {
      await ensureList(db, issuer, 'revocation', 0, now);
      list = await findLatestStatusListCounter(db, 'revocation', { lock: true });
      if (!list) throw new Error('the first status list could not be created');
    }
    if (list.next_index >= list.size) {
      await ensureList(db, issuer, 'revocation', list.list_number + 1, now);
      stalls += 1;
      continue;
    }
    await ensureList(db, issuer, 'suspension', list.list_number, now);
    const take = Math.min(count - places.length, list.size - list.next_index);
    if (!(await takeStatusIndex(db, list.id, list.next_index, take))) {
      stalls += 1;
      continue;
    }
    for (let offset = 0; offset < take; offset++)
      places.push(placeOf(list.list_number * list.size + list.next_index + offset, list.size));
  }
  return places;
}

/** The status reference the credential builder takes for a place (revocation only: see the banner). */
export function statusReference(baseUrl: string, place: StatusPlace) {
  return {
    revocation: { listUrl: statusListUrl(baseUrl, 'revocation', place.listNumber), index: place.position },
  };
}

/**
 * Sets (or clears) a credential's bit in the list of `purpose` and re-signs the list credential with a
 * new ETag, in the caller's transaction (the row is locked on PostgreSQL). No change, no re-signing.
 */
export async function setStatusBit(
  db: Executor,
  issuer: IssuerContext,
  purpose: StatusPurpose,
  index: number,
  value: boolean,
  now: Date,
): Promise<void> {
  const place = placeOf(index);
  forgetStatusLists();
  await ensureList(db, issuer, purpose, place.listNumber, now);
  const list = await findStatusList(db, purpose, place.listNumber, { lock: true });
  if (!list) throw new Error(`status list ${purpose} ${place.listNumber} is missing`);
  const bits = new Uint8Array(Buffer.from(list.bits_base64, 'base64'));
  if (getBit(bits, place.position) === value) return;
  setBit(bits, place.position, value);
  const credentialJson = await signedList(issuer, purpose, place.listNumber, bits, now);
  await updateStatusList(db, list.id, {
    bits_base64: Buffer.from(bits).toString('base64'),
    etag: etagOf(credentialJson),
    credential_json: credentialJson,
    updated_at: now.toISOString(),
  });
  forgetStatusLists();
}

/** Whether a credential's bit is set in the list of `purpose` (false when the list does not exist yet). */
export async function isStatusBitSet(db: Executor, purpose: StatusPurpose, index: number): Promise<boolean> {
  const place = placeOf(index);
  const list = await findStatusList(db, purpose, place.listNumber);
  if (!list) return false;
  return getBit(new Uint8Array(Buffer.from(list.bits_base64, 'base64')), place.position);
}

/**
 * The status of an entry in one of OUR lists (by URL), from the database through the verifier's copy of
 * the bits (status-list-cache.ts; `owner`: the caller's services); 'unknown' for any other list (a third
 * party's, which the server does not fetch).
 */
export function resolveOwnStatus(
  db: Executor,
  owner: object,
  entry: BitstringStatusListEntry,
): { set: boolean } | 'unknown' | Promise<{ set: boolean } | 'unknown'> {
  const found = statusListNowOrLater(db, owner, { url: entry.statusListCredential });
  return found instanceof Promise ? found.then((list) => bitOf(list, entry)) : bitOf(found, entry);
}

/** The entry's bit in our list (read at once, or after its promise): 'unknown' when it is not ours. */
function bitOf(
  list: CachedStatusList | undefined,
  entry: BitstringStatusListEntry,
): { set: boolean } | 'unknown' {
  if (!list || list.purpose !== entry.statusPurpose) return 'unknown';
  const position = Number(entry.statusListIndex);
  if (!Number.isInteger(position) || position < 0 || position >= list.size) return 'unknown';
  return { set: getBit(list.bits, position) };
}

/** The signed list credential served at a path segment, with its ETag, or null. */
export async function findServedStatusList(
  db: Executor,
  slug: string,
): Promise<{ credentialJson: string; etag: string; updatedAt: string } | null> {
  const parsed = parseStatusListSlug(slug);
  if (!parsed) return null;
  const list = await findStatusList(db, parsed.purpose, parsed.listNumber);
  return list ? { credentialJson: list.credential_json, etag: list.etag, updatedAt: list.updated_at } : null;
}
