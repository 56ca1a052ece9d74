/**
 * Finding a role-play item for an actor: the item (through the spaces module), the actor's standing in its
 * edition (spaces' access: others are told it does not exist), the roles they hold, and what they may do.
 */
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { type SpaceAccess, spaceAccess } from '../spaces/space-access.js';
import type { SpaceItemRef } from '../spaces/space-item-kind.js';
import { findItemOfKind, isItemOpenTo } from '../spaces/spaces.queries.js';
import { orderHeldRoles } from './roleplay.js';
import { canRoleplay, type RoleplayAction } from './roleplays.policy.js';
import { listRolesHeldBy } from './roleplays.repository.js';

export const ROLEPLAY_KIND = 'roleplay';

export interface RoleplayAccess {
  item: SpaceItemRef;
  space: SpaceAccess;
  /** The roles the actor holds here, in the order they write under them (`orderHeldRoles`). */
  heldRoleIds: string[];
  /** Facilitator of the edition or manager: reads every private brief. */
  isStaff: boolean;
  can: Record<'view' | 'manage' | 'editOutcome', boolean>;
}

/** The standing of `actor` in an item already found (the edition's list walks many). */
export async function roleplayAccessToItem(
  db: Executor,
  actor: Actor,
  item: SpaceItemRef,
  space: SpaceAccess,
  now?: string,
  /** The roles the actor holds, when the caller has them already (the kept content). */
  held?: (personId: string) => string[],
): Promise<RoleplayAccess> {
  const learnerOnly = space.can.learn && !space.can.build && actor.kind === 'user';
  if (now && learnerOnly && !(await isItemOpenTo(db, space, item.id, actor.id, now)))
    throw new AppError('not_found');
  const heldRoleIds =
    actor.kind !== 'user'
      ? []
      : held
        ? held(actor.id)
        : orderHeldRoles(
            (await listRolesHeldBy(db, actor.id, [item.id])).map((r) => ({
              roleId: r.role_id,
              inPerson: r.holder_type === 'person',
            })),
          );
  const standing = { learn: space.can.learn, build: space.can.build, holdsRole: heldRoleIds.length > 0 };
  return {
    item,
    space,
    heldRoleIds,
    isStaff: space.can.seeEveryone,
    can: {
      view: canRoleplay(standing, 'roleplay.view'),
      manage: canRoleplay(standing, 'roleplay.manage'),
      editOutcome: canRoleplay(standing, 'roleplay.editOutcome'),
    },
  };
}

/**
 * The role-play item `itemId` as `actor` may see it; `not_found` when they may not. Given `now`, an item
 * still locked for a participant (its availability, its prerequisite) is not found either, as in the space.
 */
export async function roleplayAccess(
  db: Executor,
  actor: Actor,
  itemId: string,
  now?: string,
  held?: (personId: string) => string[],
): Promise<RoleplayAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const item = await findItemOfKind(db, ROLEPLAY_KIND, itemId);
  if (!item) throw new AppError('not_found');
  const space = await spaceAccess(db, actor, item.editionId);
  return roleplayAccessToItem(db, actor, item, space, now, held);
}

/** The access, refused (403) when the actor may not do `action`. */
export async function roleplayAccessFor(
  db: Executor,
  actor: Actor,
  itemId: string,
  action: RoleplayAction,
  now?: string,
): Promise<RoleplayAccess> {
  const access = await roleplayAccess(db, actor, itemId, now);
  const allowed = {
    'roleplay.view': access.can.view,
    'roleplay.manage': access.can.manage,
    'roleplay.editOutcome': access.can.editOutcome,
  };
  if (!allowed[action]) throw new AppError('forbidden');
  return access;
}
