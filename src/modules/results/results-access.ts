/**
 * Finding an edition's results for an actor: the edition (through the catalogue), the actor's standing in
 * it (facilitator of it, a confirmed place through the places module) and what they may do. Anyone who may
 * not see them is told they do not exist.
 */
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import type { Course, Edition } from '../catalogue/course.js';
import { isConfirmedParticipant } from '../places/places.queries.js';
import { canResults, type ResultsStanding } from './results.policy.js';

export interface ResultsAccess {
  edition: Edition;
  course: Course;
  standing: ResultsStanding;
  can: { manage: boolean; seeOwn: boolean };
}

/** The edition's results as `actor` may see them; `not_found` when they may see nothing of them. */
export async function resultsAccess(db: Executor, actor: Actor, editionId: string): Promise<ResultsAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const found = await findEditionWithCourse(db, editionId);
  if (!found) throw new AppError('not_found');
  const standing: ResultsStanding = {
    facilitator: actor.kind === 'user' && found.edition.facilitators.some((f) => f.id === actor.id),
    participant: actor.kind === 'user' && (await isConfirmedParticipant(db, found.edition.id, actor.id)),
  };
  const can = {
    manage: canResults(actor, standing, 'results.manage'),
    seeOwn: canResults(actor, standing, 'results.seeOwn'),
  };
  if (!can.manage && !can.seeOwn) throw new AppError('not_found');
  return { ...found, standing, can };
}

/**
 * The access of staff (403 for a participant, who may only see their own). A manager or a facilitator of
 * the edition is known without asking whether they also hold a place (a statement less on every view of
 * the gradebook); anyone else goes through `resultsAccess` (404 without standing, 403 with).
 */
export async function staffAccess(
  db: Executor,
  actor: Actor,
  editionId: string,
): Promise<Pick<ResultsAccess, 'edition' | 'course'>> {
  if (actor.kind === 'user') {
    const found = await findEditionWithCourse(db, editionId);
    const facilitator = found?.edition.facilitators.some((f) => f.id === actor.id) ?? false;
    if (found && canResults(actor, { facilitator, participant: false }, 'results.manage')) return found;
  }
  const access = await resultsAccess(db, actor, editionId);
  if (!access.can.manage) throw new AppError('forbidden');
  return access;
}
