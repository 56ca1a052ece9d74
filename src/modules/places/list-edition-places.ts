import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import type { Course, Edition } from '../catalogue/course.js';
import { getEdition } from '../catalogue/get-edition.js';
import { todayOf } from './place-changes.js';
import { type PlaceWithPerson, toPlace } from './place-views.js';
import {
  type FundingKind,
  fundingTotals,
  NO_PLACES,
  orderWaitingList,
  type PlaceCounts,
  placesLeft,
} from './places.js';
import { canPlaces } from './places.policy.js';
import { listEditionPlaces } from './places.repository.js';

/** The managers' view of an edition's places. */
export interface EditionPlaces {
  edition: Edition;
  course: Course;
  counts: PlaceCounts;
  placesLeft: number | null;
  /** The edition has begun: its capacity is shown as such, not as "places left" (issue 10). */
  hasStarted: boolean;
  /** Confirmed places per funding kind. */
  funding: Record<FundingKind, number>;
  requests: PlaceWithPerson[];
  confirmed: PlaceWithPerson[];
  /** In waiting-list order. */
  waiting: PlaceWithPerson[];
  withdrawn: PlaceWithPerson[];
  declined: PlaceWithPerson[];
}

/** An edition's places by status, with counts and funding totals (programme managers). */
export async function listEditionPlacesFor(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
): Promise<EditionPlaces> {
  ensure(actor, canPlaces(actor, 'places.manage'));
  const { edition, course } = await getEdition(db, deps, actor, editionId);
  const rows = await listEditionPlaces(db, edition.id);
  const waitingRows = orderWaitingList(
    rows
      .filter((r) => r.status === 'waitlisted')
      .map((r) => ({ ...r, waitlistOrder: r.waitlist_order, requestedAt: r.requested_at })),
  );
  const positions = new Map(waitingRows.map((r, i) => [r.id, i + 1]));
  const places = rows.map((r) => ({
    ...toPlace(r, positions.get(r.id) ?? null),
    fullName: r.full_name,
    email: r.email,
  }));
  const counts = { ...NO_PLACES };
  for (const p of places) counts[p.status] += 1;
  const of = (status: string) => places.filter((p) => p.status === status);
  return {
    edition,
    course,
    counts,
    placesLeft: placesLeft(edition.capacity, counts),
    hasStarted: edition.startsOn <= todayOf(deps),
    funding: fundingTotals(places),
    requests: of('requested'),
    confirmed: of('enrolled'),
    waiting: of('waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0)),
    withdrawn: of('withdrawn'),
    declined: of('declined'),
  };
}
