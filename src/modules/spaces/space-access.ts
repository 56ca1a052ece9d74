/**
 * Finding an edition's space for an actor: the edition (through the catalogue), the actor's standing in it
 * (a confirmed place through the places module, facilitator of the edition, manager) and what they may do.
 * Anyone who may not see it is told it does not exist.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../i18n/time-zones.js';
import type { Actor } from '../../kernel/actor.js';
import { BoundedMemo } from '../../kernel/bounded-memo.js';
import { AppError } from '../../kernel/errors.js';
import { isId, newId } from '../../kernel/ids.js';
import { toEdition } from '../catalogue/catalogue-mappers.js';
import type { Course, Edition } from '../catalogue/course.js';
import { canSpace, type SpaceStanding } from './spaces.policy.js';
import { findSpaceContext, findSpaceOfEdition, insertSpace } from './spaces.repository.js';
import type { SpaceRow } from './spaces.tables.js';

/** What a space page or use case knows about the edition and the actor. */
export interface SpaceAccess {
  /** The edition (its facilitators are not listed: the standing says whether the actor is one). */
  edition: Omit<Edition, 'facilitators'>;
  course: Pick<Course, 'id' | 'code' | 'title'>;
  standing: SpaceStanding;
  space: SpaceRow | null;
  /** The zone the actor's instants are shown in (their profile's, else UTC) and whether they set one. */
  viewer: { timeZone: string; timeZoneSet: boolean };
  can: { learn: boolean; build: boolean; seeEveryone: boolean };
}

/**
 * The edition's space as `actor` may see it; `not_found` when they may not (or there is no such edition).
 * One statement (`findSpaceContext`): every space page starts here.
 */
export async function spaceAccess(db: Executor, actor: Actor, editionId: string): Promise<SpaceAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (!isId(editionId)) throw new AppError('not_found');
  const userId = actor.kind === 'user' ? actor.id : null;
  const row = await findSpaceContext(db, editionId, userId);
  if (!row) throw new AppError('not_found');
  const title = courseTitles.get(row.course_title_i18n, () =>
    Object.freeze(parseLocalized(row.course_title_i18n)),
  );
  const course = { id: row.course_id, code: row.course_code, title };
  const { facilitators: _none, ...edition } = toEdition(row, course, []);
  const standing: SpaceStanding = {
    facilitator: userId !== null && Boolean(row.is_facilitator),
    participant: userId !== null && Boolean(row.is_participant),
  };
  if (!canSpace(actor, standing, 'space.view')) throw new AppError('not_found');
  const zone = row.viewer_time_zone && isTimeZone(row.viewer_time_zone) ? row.viewer_time_zone : null;
  return {
    edition,
    course,
    standing,
    space: row.space_id
      ? {
          id: row.space_id,
          edition_id: row.id,
          created_at: row.space_created_at ?? '',
          updated_at: row.space_updated_at ?? '',
        }
      : null,
    viewer: { timeZone: zone ?? DEFAULT_TIME_ZONE, timeZoneSet: zone !== null },
    can: {
      learn: canSpace(actor, standing, 'space.learn'),
      build: canSpace(actor, standing, 'space.build'),
      seeEveryone: canSpace(actor, standing, 'space.seeEveryone'),
    },
  };
}

/** Course titles parsed by their stored text (frozen: shared by every request showing the course). */
const courseTitles = new BoundedMemo<LocalizedText>(1000);

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
