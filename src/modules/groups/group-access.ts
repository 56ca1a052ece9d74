/**
 * Finding groups for an actor: the edition's space access (spaces' answer: staff, confirmed participant;
 * anyone else is told it does not exist), then the group set or group and the actor's membership.
 */
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { type SpaceAccess, spaceAccess } from '../spaces/space-access.js';
import { canGroups, type GroupAction, type GroupStanding } from './groups.policy.js';
import { findGroupSet, findGroupWithSet, findMembership, listMembersOfGroup } from './groups.repository.js';
import type { GroupMemberRow, GroupSetRow, WorkGroupRow } from './groups.tables.js';

export interface EditionGroupsAccess {
  space: SpaceAccess;
  standing: GroupStanding;
  actorId: string | null;
}

/** The edition's groups as `actor` may see them (404 for anyone outside the edition). */
export async function editionGroupsAccess(
  db: Executor,
  actor: Actor,
  editionId: string,
): Promise<EditionGroupsAccess> {
  const space = await spaceAccess(db, actor, editionId);
  return {
    space,
    actorId: actor.kind === 'user' ? actor.id : null,
    standing: { staff: space.can.build, participant: space.can.learn, member: false },
  };
}

export interface GroupSetAccess extends EditionGroupsAccess {
  set: GroupSetRow;
}

/** A group set as `actor` may see it; `forbidden` when they may not do `action` there. */
export async function groupSetAccess(
  db: Executor,
  actor: Actor,
  setId: string,
  action: GroupAction,
): Promise<GroupSetAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const set = isId(setId) ? await findGroupSet(db, setId) : undefined;
  if (!set) throw new AppError('not_found');
  const access = await editionGroupsAccess(db, actor, set.edition_id);
  const membership = access.actorId ? await findMembership(db, set.id, access.actorId) : undefined;
  const standing = { ...access.standing, member: membership !== undefined };
  if (!canGroups(standing, action))
    throw new AppError(standing.participant || standing.staff ? 'forbidden' : 'not_found');
  return { ...access, standing, set };
}

export interface GroupAccess extends GroupSetAccess {
  group: WorkGroupRow;
  /** The group's members (in the order they joined). */
  members: GroupMemberRow[];
}

/**
 * A group as `actor` may see it: its members and the edition's staff; anyone else (other participants
 * too) is told it does not exist. `forbidden` when they may see it but not do `action`. Three statements:
 * the group with its set, the space's context, the group's members.
 */
export async function groupAccess(
  db: Executor,
  actor: Actor,
  groupId: string,
  action: GroupAction,
): Promise<GroupAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const found = isId(groupId) ? await findGroupWithSet(db, groupId) : undefined;
  if (!found) throw new AppError('not_found');
  const { group, set } = found;
  const [access, members] = await Promise.all([
    editionGroupsAccess(db, actor, set.edition_id),
    listMembersOfGroup(db, group.id),
  ]);
  return decideGroupAccess(access, { group, set, members }, action);
}

/** The same decision for a group already read (a kept group page): one statement, the space's context. */
export async function groupAccessOf(
  db: Executor,
  actor: Actor,
  found: { group: WorkGroupRow; set: GroupSetRow; members: readonly GroupMemberRow[] },
  action: GroupAction,
): Promise<GroupAccess> {
  const access = await editionGroupsAccess(db, actor, found.set.edition_id);
  return decideGroupAccess(access, found, action);
}

function decideGroupAccess(
  access: EditionGroupsAccess,
  { group, set, members }: { group: WorkGroupRow; set: GroupSetRow; members: readonly GroupMemberRow[] },
  action: GroupAction,
): GroupAccess {
  const standing = { ...access.standing, member: members.some((m) => m.user_id === access.actorId) };
  // Choosing a group is for the edition's participants: anyone else outside the group is told it does not exist.
  if (!canGroups(standing, 'group.view') && !(action === 'groups.choose' && standing.participant))
    throw new AppError('not_found');
  if (!canGroups(standing, action)) throw new AppError('forbidden');
  return { ...access, standing, set, group, members: [...members] };
}
