import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { type Actor, actorId, systemActor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { notify } from '../notifications/notify.js';
import { refreshStandingsOfPerson } from '../pathway/candidacy-standing.js';
import { orderWaitingList, whoMovesUp } from './places.js';
import { countPlaces, listWaiting, lockEdition, updatePlace } from './places.repository.js';

/**
 * The steps every change of an edition's places shares, run inside the change's transaction after the
 * edition's row is locked: confirming a place (pathway standing refreshed, the person told), moving the
 * waiting list up when places free, and telling those who waited that their position changed.
 */

/** The edition locked for this transaction, as the rules read it; not found when it does not exist. */
export async function lockedEdition(db: Executor, editionId: string) {
  const row = await lockEdition(db, editionId);
  if (!row) throw new AppError('not_found');
  return {
    id: row.id,
    code: row.code,
    courseId: row.course_id,
    capacity: row.capacity,
    status: row.status,
    registrationOpen: row.registration_open === 1,
    registrationDeadline: row.registration_deadline,
    startsOn: row.starts_on,
  };
}
export type LockedEdition = Awaited<ReturnType<typeof lockedEdition>>;

/** Today (UTC) as `YYYY-MM-DD`. */
export function todayOf(deps: Pick<Services, 'clock'>): string {
  return deps.clock.now().toISOString().slice(0, 10);
}

/** The waiting list's positions (1 = next), by place id. */
export async function waitlistPositions(db: Executor, editionId: string): Promise<Map<string, number>> {
  const ordered = orderWaitingList(
    (await listWaiting(db, editionId)).map((w) => ({
      id: w.id,
      waitlistOrder: w.waitlist_order,
      requestedAt: w.requested_at,
    })),
  );
  return new Map(ordered.map((w, index) => [w.id, index + 1]));
}

/**
 * A step of every change that confirms a place (run in the change's transaction, the edition locked):
 * makes the place a confirmed one, refreshes the person's pathway, tells them.
 */
export async function markPlaceConfirmed(
  db: Executor,
  deps: Services,
  actor: Actor,
  place: { id: string; user_id: string; edition_id: string; status: string },
  fromWaitingList: boolean,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  await updatePlace(db, place.id, {
    status: 'enrolled',
    decided_by: actorId(actor),
    decided_at: now,
    waitlist_order: null,
    decline_reason: null,
    withdrawn_at: null,
    updated_at: now,
  });
  await refreshStandingsOfPerson(db, place.user_id, now.slice(0, 10));
  await audit(db, deps.clock, actor, {
    action: fromWaitingList && actor.kind === 'system' ? 'place.movedUp' : 'place.confirmed',
    targetType: 'user',
    targetId: place.user_id,
    before: { editionId: place.edition_id, status: place.status },
    after: { status: 'enrolled' },
  });
  await notify(db, deps.clock, {
    recipientId: place.user_id,
    event: { kind: 'place.confirmed', enrolmentId: place.id, editionId: place.edition_id, fromWaitingList },
    key: `place.confirmed:${place.id}:${now}`,
  });
}

/**
 * After a place frees (a withdrawal, a decline, a larger capacity): the first on the waiting list get
 * the free places, confirmed at once, and everyone still waiting whose position changed is told.
 * `before` is the waiting list's positions before the change (to tell only those who moved).
 */
export async function fillFreedPlaces(
  db: Executor,
  deps: Services,
  edition: Pick<LockedEdition, 'id' | 'capacity'>,
  before: Map<string, number>,
): Promise<number> {
  const counts = await countPlaces(db, edition.id);
  const waiting = (await listWaiting(db, edition.id)).map((w) => ({
    id: w.id,
    userId: w.user_id,
    waitlistOrder: w.waitlist_order,
    requestedAt: w.requested_at,
  }));
  const movers = whoMovesUp(edition.capacity, counts, waiting);
  for (const mover of movers) {
    await markPlaceConfirmed(
      db,
      deps,
      systemActor('waiting-list'),
      { id: mover.id, user_id: mover.userId, edition_id: edition.id, status: 'waitlisted' },
      true,
    );
  }
  await notifyWaitlistMoves(db, deps, edition.id, before);
  return movers.length;
}

/** Tells each person still waiting whose position differs from `before` their new position. */
export async function notifyWaitlistMoves(
  db: Executor,
  deps: Services,
  editionId: string,
  before: Map<string, number>,
): Promise<void> {
  const after = await waitlistPositions(db, editionId);
  if (after.size === 0) return;
  const now = deps.clock.now().toISOString();
  const waiting = await listWaiting(db, editionId);
  for (const w of waiting) {
    const position = after.get(w.id)!;
    if (before.get(w.id) === position || !before.has(w.id)) continue;
    await notify(db, deps.clock, {
      recipientId: w.user_id,
      event: { kind: 'waitlist.moved', enrolmentId: w.id, editionId, position },
      key: `waitlist.moved:${w.id}:${position}:${now}`,
    });
  }
}
