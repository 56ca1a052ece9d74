import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { refreshStandingsOfPerson } from '../../pathway/candidacy-standing.js';
import { fillFreedPlaces, lockedEdition, todayOf, waitlistPositions } from '../place-changes.js';
import { ACTIVE_STATUSES, canWithdrawOn, type PlaceStatus } from '../places.js';
import { canActOnPlaceOf, canPlaces } from '../places.policy.js';
import { findPlace, updatePlace } from '../places.repository.js';

/**
 * Withdraws a place, a request or a waiting-list entry (the person themselves before the edition
 * starts; managers at any time; audited). A freed place goes at once to the first on the waiting list.
 * Another person's place is "not found".
 */
export async function withdrawPlace(
  db: Executor,
  deps: Services,
  actor: Actor,
  placeId: string,
): Promise<{ editionId: string }> {
  ensure(actor, canPlaces(actor, 'places.request'));
  if (!isId(placeId)) throw new AppError('not_found');
  const found = await findPlace(db, placeId);
  if (!found || !canActOnPlaceOf(actor, found.user_id)) throw new AppError('not_found');
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    const edition = await lockedEdition(trx, found.edition_id);
    const place = (await findPlace(trx, placeId))!;
    const status = place.status as PlaceStatus;
    if (!ACTIVE_STATUSES.includes(status))
      throw new AppError('invalid_state', {}, [{ path: 'place', key: 'places.error.notActive' }]);
    if (!canPlaces(actor, 'places.manage') && !canWithdrawOn(edition, today))
      throw new AppError('invalid_state', {}, [{ path: 'place', key: 'places.error.withdrawAfterStart' }]);
    const before = await waitlistPositions(trx, edition.id);
    await updatePlace(trx, place.id, {
      status: 'withdrawn',
      withdrawn_at: now,
      waitlist_order: null,
      updated_at: now,
    });
    if (status === 'enrolled') await refreshStandingsOfPerson(trx, place.user_id, today);
    await audit(trx, deps.clock, actor, {
      action: 'place.withdrawn',
      targetType: 'user',
      targetId: place.user_id,
      before: { editionId: edition.id, status },
      after: { status: 'withdrawn' },
    });
    await fillFreedPlaces(trx, deps, edition, before);
  });
  return { editionId: found.edition_id };
}
