import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { lockedEdition, notifyWaitlistMoves, waitlistPositions } from './place-changes.js';
import { topOrder } from './places.js';
import { canPlaces } from './places.policy.js';
import { findPlace, updatePlace, waitlistBounds } from './places.repository.js';

/**
 * Puts someone first on an edition's waiting list, overriding first come, first served (programme
 * managers; audited). Everyone whose position changed is told.
 */
export async function moveToTopOfWaitingList(
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
    if (place.status !== 'waitlisted')
      throw new AppError('invalid_state', {}, [{ path: 'place', key: 'places.error.notWaiting' }]);
    const before = await waitlistPositions(trx, edition.id);
    if (before.get(place.id) === 1) return;
    const order = topOrder((await waitlistBounds(trx, edition.id)).smallest);
    await updatePlace(trx, place.id, { waitlist_order: order, updated_at: deps.clock.now().toISOString() });
    await audit(trx, deps.clock, actor, {
      action: 'place.movedToTop',
      targetType: 'user',
      targetId: place.user_id,
      before: { editionId: edition.id, position: before.get(place.id) ?? null },
      after: { position: 1 },
    });
    await notifyWaitlistMoves(trx, deps, edition.id, before);
  });
  return { editionId: found.edition_id };
}
