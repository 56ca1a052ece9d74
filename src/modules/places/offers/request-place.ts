import type { Executor } from '../../../db/database.js';
import { isUniqueViolation } from '../../../db/helpers.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { isId, newId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { getEdition } from '../../catalogue/get-edition.js';
import { notify } from '../../notifications/notify.js';
import { lockedEdition, todayOf, waitlistPositions } from '../place-changes.js';
import { fundingProblems, type PlaceStatus, requestRefusal, statusOfNewRequest } from '../places.js';
import { canPlaces } from '../places.policy.js';
import { countPlaces, findPlaceOf, insertPlace, updatePlace, waitlistBounds } from '../places.repository.js';
import { placeRequestSchema } from '../places.schemas.js';

export interface RequestedPlace {
  id: string;
  status: 'requested' | 'waitlisted';
  /** On the waiting list: the position (1 = next); otherwise null. */
  position: number | null;
}

/**
 * A signed-in person asks for a place in an edition, saying how it is paid for (audited). While a place
 * is free the request waits for a manager's decision and holds the place; when the edition is full it
 * goes to the end of the waiting list (the person is told their position). Refused when the edition is
 * cancelled, closed, past its deadline or started, and when the person already asked. The edition's row
 * is locked while places are counted, so two requests for the last place never both get it.
 */
export async function requestPlace(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  input: unknown,
): Promise<RequestedPlace> {
  ensure(actor, canPlaces(actor, 'places.request'));
  if (actor.kind !== 'user') throw new AppError('forbidden');
  if (!isId(editionId)) throw new AppError('not_found');
  const funding = parseInput(placeRequestSchema, input);
  const problems = fundingProblems(funding.fundingKind, funding.fundingName);
  if (problems.length) throw new AppError('validation_failed', {}, problems);
  await getEdition(db, deps, actor, editionId); // not found when the reader may not see it
  const userId = actor.id;
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  try {
    return await inTransaction(db, async (trx) => {
      const edition = await lockedEdition(trx, editionId);
      const existing = await findPlaceOf(trx, edition.id, userId);
      const refusal = requestRefusal(edition, today, (existing?.status as PlaceStatus) ?? null);
      if (refusal) throw new AppError('invalid_state', {}, [{ path: 'edition', key: refusal }]);
      const status = statusOfNewRequest(edition.capacity, await countPlaces(trx, edition.id));
      const order =
        status === 'waitlisted' ? ((await waitlistBounds(trx, edition.id)).largest ?? 0) + 1 : null;
      const fields = {
        status,
        requested_at: now,
        funding_kind: funding.fundingKind,
        funding_name: funding.fundingKind === 'self' ? null : funding.fundingName,
        waitlist_order: order,
        decided_by: null,
        decided_at: null,
        decline_reason: null,
        withdrawn_at: null,
        updated_at: now,
      };
      // Asking again after a withdrawal reuses the place (one per person and edition).
      const id = existing?.id ?? newId();
      if (existing) await updatePlace(trx, id, fields);
      else
        await insertPlace(trx, { id, edition_id: edition.id, user_id: userId, created_at: now, ...fields });
      await audit(trx, deps.clock, actor, {
        action: 'place.requested',
        targetType: 'user',
        targetId: userId,
        after: { editionId: edition.id, status, fundingKind: funding.fundingKind },
      });
      let position: number | null = null;
      if (status === 'waitlisted') {
        position = (await waitlistPositions(trx, edition.id)).get(id) ?? null;
        await notify(trx, deps.clock, {
          recipientId: userId,
          event: {
            kind: 'place.waitlisted',
            enrolmentId: id,
            editionId: edition.id,
            position: position ?? 0,
          },
          key: `place.waitlisted:${id}:${now}`,
        });
      }
      return { id, status, position };
    });
  } catch (error) {
    // The same person asking twice at once: the unique (edition, person) constraint keeps one.
    if (isUniqueViolation(error))
      throw new AppError('invalid_state', {}, [{ path: 'edition', key: 'places.error.alreadyRequested' }]);
    throw error;
  }
}
