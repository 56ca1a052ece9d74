import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import {
  lockedEdition,
  markPlaceConfirmed,
  notifyWaitlistMoves,
  waitlistPositions,
} from '../place-changes.js';
import { canConfirm, type PlaceStatus } from '../places.js';
import { canPlaces } from '../places.policy.js';
import { countPlaces, findPlace } from '../places.repository.js';

/**
 * Confirms a request, or (overriding the order) someone on the waiting list, when a place is free for
 * them (programme managers; audited; the person is told). Those still waiting behind are told their
 * new position.
 */
export async function confirmPlace(
  db: Executor,
  deps: Services,
  actor: Actor,
  placeId: string,
): Promise<{ editionId: string }> {
  ensure(actor, canPlaces(actor, 'places.manage'));
  if (!isId(placeId)) throw new AppError('not_found');
  const found = await findPlace(db, placeId);
  if (!found) throw new AppError('not_found');
  await inTransaction(db, async (trx) => {
    const edition = await lockedEdition(trx, found.edition_id);
    const place = (await findPlace(trx, placeId))!;
    const status = place.status as PlaceStatus;
    if (status !== 'requested' && status !== 'waitlisted')
      throw new AppError('invalid_state', {}, [{ path: 'place', key: 'places.error.notPending' }]);
    if (edition.status === 'cancelled')
      throw new AppError('invalid_state', {}, [{ path: 'place', key: 'places.error.cancelled' }]);
    if (!canConfirm(edition.capacity, await countPlaces(trx, edition.id), status))
      throw new AppError('invalid_state', {}, [{ path: 'place', key: 'places.error.full' }]);
    const before = await waitlistPositions(trx, edition.id);
    await markPlaceConfirmed(trx, deps, actor, place, status === 'waitlisted');
    await notifyWaitlistMoves(trx, deps, edition.id, before);
  });
  return { editionId: found.edition_id };
}
