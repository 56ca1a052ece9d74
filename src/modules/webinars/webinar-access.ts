/**
 * Finding a webinar item for an actor: the item (through the spaces module), the actor's standing in its
 * edition (spaces' access: others are told it does not exist) and its session.
 */
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { type SpaceAccess, spaceAccess } from '../spaces/space-access.js';
import type { SpaceItemRef } from '../spaces/space-item-kind.js';
import { findItemOfKind, isItemOpenTo } from '../spaces/spaces.queries.js';
import type { WebinarSettings } from './webinar.js';
import { readWebinarSettings } from './webinar-settings.js';
import { canWebinar, type WebinarAction } from './webinars.policy.js';

export const WEBINAR_KIND = 'webinar';

export interface WebinarAccess {
  item: SpaceItemRef<WebinarSettings>;
  session: WebinarSettings;
  space: SpaceAccess;
  can: Record<'join' | 'manage' | 'seeAttendance', boolean>;
}

/**
 * The webinar item `itemId` as `actor` may see it; `not_found` when they may not. Given `now`, an item still
 * locked for a participant (its availability, its prerequisite) is not found either, as in the space.
 */
export async function webinarAccess(
  db: Executor,
  actor: Actor,
  itemId: string,
  now?: string,
): Promise<WebinarAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const item = await findItemOfKind(db, WEBINAR_KIND, itemId);
  if (!item) throw new AppError('not_found');
  const space = await spaceAccess(db, actor, item.editionId);
  const session = readWebinarSettings(item.settings);
  if (!session) throw new AppError('not_found');
  const learnerOnly = space.can.learn && !space.can.build && actor.kind === 'user';
  if (now && learnerOnly && !(await isItemOpenTo(db, space, item.id, actor.id, now)))
    throw new AppError('not_found');
  return {
    item: { ...item, settings: session },
    session,
    space,
    can: {
      join: canWebinar(space.can, 'webinar.join'),
      manage: canWebinar(space.can, 'webinar.manage'),
      seeAttendance: canWebinar(space.can, 'webinar.seeAttendance'),
    },
  };
}

/** The access, refused (403) when the actor may not do `action`. */
export async function webinarAccessFor(
  db: Executor,
  actor: Actor,
  itemId: string,
  action: WebinarAction,
  now?: string,
): Promise<WebinarAccess> {
  const access = await webinarAccess(db, actor, itemId, now);
  const allowed = {
    'webinar.join': access.can.join,
    'webinar.manage': access.can.manage,
    'webinar.seeAttendance': access.can.seeAttendance,
  };
  if (!allowed[action]) throw new AppError('forbidden');
  return access;
}
