import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import { findPersonIdByEmail } from '../identity/create-person.js';
import {
  lockedEdition,
  markPlaceConfirmed,
  notifyWaitlistMoves,
  waitlistPositions,
} from './place-changes.js';
import { canConfirm, type FundingKind, fundingProblems, type PlaceStatus } from './places.js';
import { canPlaces } from './places.policy.js';
import { countPlaces, findPlaceOf, insertPlace, updatePlace } from './places.repository.js';
import { directEnrolSchema } from './places.schemas.js';

/** Why a person cannot be given a confirmed place in the locked edition now (a message id), or null. */
export async function directEnrolRefusal(
  db: Executor,
  edition: { id: string; status: string; capacity: number | null },
  userId: string,
): Promise<string | null> {
  if (edition.status === 'cancelled') return 'places.error.cancelled';
  const existing = await findPlaceOf(db, edition.id, userId);
  if (existing?.status === 'enrolled') return 'places.validation.alreadyEnrolled';
  const status = (existing?.status as PlaceStatus | undefined) ?? 'new';
  if (!canConfirm(edition.capacity, await countPlaces(db, edition.id), status)) return 'places.error.full';
  return null;
}

/**
 * A step of direct and bulk enrolment (run in their transaction, the edition locked): gives a person a
 * confirmed place with its funding — their request or waiting-list entry is confirmed, or a new place
 * made. Audited; the person is told.
 */
export async function giveConfirmedPlace(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  person: { userId: string; fundingKind: FundingKind; fundingName: string | null },
): Promise<string> {
  const now = deps.clock.now().toISOString();
  const before = await waitlistPositions(db, editionId);
  const existing = await findPlaceOf(db, editionId, person.userId);
  const funding = {
    funding_kind: person.fundingKind,
    funding_name: person.fundingKind === 'self' ? null : person.fundingName,
  };
  const id = existing?.id ?? newId();
  if (existing) await updatePlace(db, id, funding);
  else {
    await insertPlace(db, {
      id,
      edition_id: editionId,
      user_id: person.userId,
      status: 'requested',
      requested_at: now,
      created_at: now,
      updated_at: now,
      ...funding,
    });
  }
  await markPlaceConfirmed(
    db,
    deps,
    actor,
    { id, user_id: person.userId, edition_id: editionId, status: existing?.status ?? 'new' },
    existing?.status === 'waitlisted',
  );
  await notifyWaitlistMoves(db, deps, editionId, before);
  return id;
}

/**
 * Enrols a person (by email) directly in an edition with a confirmed place and its funding (programme
 * managers; audited). Their pending request or waiting-list entry becomes the place; refused when the
 * edition is cancelled or no place is free, and when they already have one.
 */
export async function enrolDirectly(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  input: unknown,
): Promise<{ id: string }> {
  ensure(actor, canPlaces(actor, 'places.manage'));
  const data = parseInput(directEnrolSchema, input);
  const problems = fundingProblems(data.fundingKind, data.fundingName);
  if (problems.length) throw new AppError('validation_failed', {}, problems);
  const found = await findEditionWithCourse(db, editionId);
  if (!found) throw new AppError('not_found');
  const { edition } = found;
  const userId = await findPersonIdByEmail(db, deps, data.email);
  if (!userId)
    throw new AppError('validation_failed', {}, [{ path: 'email', key: 'validation.unknownPerson' }]);
  return inTransaction(db, async (trx) => {
    const locked = await lockedEdition(trx, edition.id);
    const refusal = await directEnrolRefusal(trx, locked, userId);
    if (refusal) throw new AppError('validation_failed', {}, [{ path: 'email', key: refusal }]);
    const id = await giveConfirmedPlace(trx, deps, actor, edition.id, {
      userId,
      fundingKind: data.fundingKind,
      fundingName: data.fundingName,
    });
    await audit(trx, deps.clock, actor, {
      action: 'place.enrolledDirectly',
      targetType: 'user',
      targetId: userId,
      after: { editionId: edition.id, fundingKind: data.fundingKind },
    });
    return { id };
  });
}
