/**
 * Finding an edition's space for an actor: the edition (through the catalogue), the actor's standing in it
 * (a confirmed place through the places module, facilitator of the edition, manager) and what they may do.
 * Anyone who may not see it is told it does not exist.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import type { Course, Edition } from '../catalogue/course.js';
import { isConfirmedParticipant } from '../places/places.queries.js';
import { canSpace, type SpaceStanding } from './spaces.policy.js';
import { findSpaceOfEdition, insertSpace } from './spaces.repository.js';
import type { SpaceRow } from './spaces.tables.js';

/** What a space page or use case knows about the edition and the actor. */
export interface SpaceAccess {
  edition: Edition;
  course: Course;
  standing: SpaceStanding;
  space: SpaceRow | null;
  can: { learn: boolean; build: boolean; seeEveryone: boolean };
}

/** The edition's space as `actor` may see it; `not_found` when they may not (or there is no such edition). */
export async function spaceAccess(db: Executor, actor: Actor, editionId: string): Promise<SpaceAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const found = await findEditionWithCourse(db, editionId);
  if (!found) throw new AppError('not_found');
  const standing: SpaceStanding = {
    facilitator: actor.kind === 'user' && found.edition.facilitators.some((f) => f.id === actor.id),
    participant: actor.kind === 'user' && (await isConfirmedParticipant(db, found.edition.id, actor.id)),
  };
  if (!canSpace(actor, standing, 'space.view')) throw new AppError('not_found');
  return {
    ...found,
    standing,
    space: (await findSpaceOfEdition(db, found.edition.id)) ?? null,
    can: {
      learn: canSpace(actor, standing, 'space.learn'),
      build: canSpace(actor, standing, 'space.build'),
      seeEveryone: canSpace(actor, standing, 'space.seeEveryone'),
    },
  };
}

/** The access of a builder (403 for a participant who may only learn). */
export async function builderAccess(db: Executor, actor: Actor, editionId: string): Promise<SpaceAccess> {
  const access = await spaceAccess(db, actor, editionId);
  if (!access.can.build) throw new AppError('forbidden');
  return access;
}

/** The edition's space, made on first use (inside the caller's transaction). */
export async function ensureSpace(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  editionId: string,
): Promise<SpaceRow> {
  const existing = await findSpaceOfEdition(db, editionId);
  if (existing) return existing;
  const now = deps.clock.now().toISOString();
  await insertSpace(db, { id: newId(), edition_id: editionId, created_at: now, updated_at: now });
  const made = await findSpaceOfEdition(db, editionId);
  if (!made) throw new Error('space not created');
  return made;
}
