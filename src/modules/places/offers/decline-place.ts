import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { type Actor, actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { notify } from '../../notifications/notify.js';
import { refreshStandingsOfPerson } from '../../pathway/candidacy-standing.js';
import { fillFreedPlaces, lockedEdition, todayOf, waitlistPositions } from '../place-changes.js';
import { ACTIVE_STATUSES, type PlaceStatus } from '../places.js';
import { canPlaces } from '../places.policy.js';
import { findPlace, updatePlace } from '../places.repository.js';
import { declineSchema } from '../places.schemas.js';

/**
 * Declines a request, a waiting-list entry or a confirmed place, with a reason the person is told
 * (programme managers; audited). A place it frees goes at once to the first on the waiting list.
 */
export async function declinePlace(
  db: Executor,
  deps: Services,
  actor: Actor,
  placeId: string,
  input: unknown,
): Promise<{ editionId: string }> {
  ensure(actor, canPlaces(actor, 'places.manage'));
  if (!isId(placeId)) throw new AppError('not_found');
  const { reason } = parseInput(declineSchema, input);
  const found = await findPlace(db, placeId);
  if (!found) throw new AppError('not_found');
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    const edition = await lockedEdition(trx, found.edition_id);
    const place = (await findPlace(trx, placeId))!;
    const status = place.status as PlaceStatus;
    if (!ACTIVE_STATUSES.includes(status))
      throw new AppError('invalid_state', {}, [{ path: 'place', key: 'places.error.notActive' }]);
    const before = await waitlistPositions(trx, edition.id);
    await updatePlace(trx, place.id, {
      status: 'declined',
      decline_reason: reason,
      decided_by: actorId(actor),
      decided_at: now,
      waitlist_order: null,
      updated_at: now,
    });
    if (status === 'enrolled') await refreshStandingsOfPerson(trx, place.user_id, todayOf(deps));
    await audit(trx, deps.clock, actor, {
      action: 'place.declined',
      targetType: 'user',
      targetId: place.user_id,
      before: { editionId: edition.id, status },
      after: { status: 'declined', reason },
    });
    await notify(trx, deps.clock, {
      recipientId: place.user_id,
      event: { kind: 'place.declined', enrolmentId: place.id, editionId: edition.id, reason },
      key: `place.declined:${place.id}:${now}`,
    });
    await fillFreedPlaces(trx, deps, edition, before);
  });
  return { editionId: found.edition_id };
}
