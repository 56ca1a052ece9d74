/**
 * Places in course editions: the pure rules. A place goes requested → enrolled (confirmed by a manager)
 * or declined; a request made when the edition is full goes to the waiting list, which moves up on its
 * own when a place frees. Only `enrolled` takes a place for good and counts for the pathway; a pending
 * request holds one until it is decided (so two people never both get the last place). Codes are
 * English; labels live in the `places` message area. PERSISTED: the status and funding codes.
 */

export const PLACE_STATUSES = ['requested', 'waitlisted', 'enrolled', 'declined', 'withdrawn'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];

export const FUNDING_KINDS = ['self', 'sponsor', 'scholarship'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

/** Longest sponsor or fund name, and decline reason. */
export const FUNDING_NAME_MAX = 200;
export const DECLINE_REASON_MAX = 1000;

/** The statuses of a person who still has (or waits for) a place: asking again is refused. */
export const ACTIVE_STATUSES: readonly PlaceStatus[] = ['requested', 'waitlisted', 'enrolled'];

/** How many places of an edition are in each status. */
export type PlaceCounts = Record<PlaceStatus, number>;

export const NO_PLACES: PlaceCounts = { requested: 0, waitlisted: 0, enrolled: 0, declined: 0, withdrawn: 0 };

/** The edition facts the rules read. */
export interface EditionForPlaces {
  status: string;
  registrationOpen: boolean;
  registrationDeadline: string | null;
  startsOn: string;
  capacity: number | null;
}

/** Pure: places still free (confirmed and pending requests hold one); null when the edition has no limit. */
export function placesLeft(capacity: number | null, counts: Pick<PlaceCounts, 'enrolled' | 'requested'>) {
  if (capacity === null) return null;
  return Math.max(0, capacity - counts.enrolled - counts.requested);
}

/** Pure: is the edition full (a new request would wait)? */
export function isFull(capacity: number | null, counts: Pick<PlaceCounts, 'enrolled' | 'requested'>) {
  return placesLeft(capacity, counts) === 0;
}

/** Pure: why a person may not ask for a place on `today` (a message id), or null when they may. */
export function requestRefusal(
  edition: EditionForPlaces,
  today: string,
  existing: PlaceStatus | null,
): string | null {
  if (edition.status === 'cancelled') return 'places.error.cancelled';
  if (existing !== null && ACTIVE_STATUSES.includes(existing)) return 'places.error.alreadyRequested';
  if (existing === 'declined') return 'places.error.alreadyDeclined';
  if (today >= edition.startsOn) return 'places.error.started';
  if (!edition.registrationOpen) return 'places.error.registrationClosed';
  if (edition.registrationDeadline !== null && today > edition.registrationDeadline)
    return 'places.error.deadlinePassed';
  return null;
}

/** Pure: what a new request becomes: a pending request while a place is free, else the waiting list. */
export function statusOfNewRequest(
  capacity: number | null,
  counts: Pick<PlaceCounts, 'enrolled' | 'requested'>,
): 'requested' | 'waitlisted' {
  return isFull(capacity, counts) ? 'waitlisted' : 'requested';
}

/** Pure: may a participant withdraw on `today`? Only before the edition starts. */
export function canWithdrawOn(edition: Pick<EditionForPlaces, 'startsOn'>, today: string): boolean {
  return today < edition.startsOn;
}

/** A place on the waiting list, as the ordering reads it. */
export interface WaitingPlace {
  id: string;
  waitlistOrder: number | null;
  requestedAt: string | null;
}

/** Pure: the waiting list in order — manager order first (lower first), then first come, first served. */
export function orderWaitingList<T extends WaitingPlace>(places: readonly T[]): T[] {
  return [...places].sort(
    (a, b) =>
      (a.waitlistOrder ?? Number.MAX_SAFE_INTEGER) - (b.waitlistOrder ?? Number.MAX_SAFE_INTEGER) ||
      (a.requestedAt ?? '').localeCompare(b.requestedAt ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Pure: who moves up from the waiting list into a confirmed place: as many as there are free places, in
 * waiting-list order (everyone when the edition has no limit).
 */
export function whoMovesUp<T extends WaitingPlace>(
  capacity: number | null,
  counts: Pick<PlaceCounts, 'enrolled' | 'requested'>,
  waiting: readonly T[],
): T[] {
  const ordered = orderWaitingList(waiting);
  const free = placesLeft(capacity, counts);
  return free === null ? ordered : ordered.slice(0, free);
}

/** Pure: the order value that puts a place first on a waiting list whose smallest order is `smallest`. */
export function topOrder(smallest: number | null): number {
  return smallest === null ? 0 : smallest - 1;
}

/** Pure: the problems of a funding choice (a sponsor or a scholarship needs its name), as field errors. */
export function fundingProblems(kind: FundingKind, name: string | null): { path: string; key: string }[] {
  if (kind !== 'self' && (name === null || name.trim() === ''))
    return [{ path: 'fundingName', key: 'places.validation.fundingNameNeeded' }];
  return [];
}

/** Pure: totals per funding kind of the confirmed places (older rows without funding count as self). */
export function fundingTotals(
  places: readonly { status: string; fundingKind: string | null }[],
): Record<FundingKind, number> {
  const totals: Record<FundingKind, number> = { self: 0, sponsor: 0, scholarship: 0 };
  for (const place of places) {
    if (place.status !== 'enrolled') continue;
    const kind = (FUNDING_KINDS as readonly string[]).includes(place.fundingKind ?? '')
      ? (place.fundingKind as FundingKind)
      : 'self';
    totals[kind] += 1;
  }
  return totals;
}

/**
 * Pure: may a place in `status` be confirmed now? A pending request holds its place already (it needs a
 * confirmed place to be free); anyone else — from the waiting list, a new direct enrolment — needs a
 * place that no one holds.
 */
export function canConfirm(
  capacity: number | null,
  counts: Pick<PlaceCounts, 'enrolled' | 'requested'>,
  status: PlaceStatus | 'new',
): boolean {
  if (capacity === null) return true;
  if (status === 'requested') return counts.enrolled < capacity;
  return counts.enrolled + counts.requested < capacity;
}
