/** Every SQL statement of the roleplays module (only this module reads and writes its tables). */
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { groupMembersView } from '../groups/groups.read-models.repository.js';
import type {
  HolderRow,
  OutcomeVersionRow,
  PhaseRow,
  RoleplayHoldersTable,
  RoleplayOutcomeVersionsTable,
  RoleplayPhasesTable,
  RoleplayRolesTable,
  RoleplayRow,
  RoleplaysTable,
  RoleRow,
} from './roleplays.tables.js';

export async function findRoleplay(db: Executor, itemId: string): Promise<RoleplayRow | undefined> {
  return db.selectFrom('roleplays').selectAll().where('item_id', '=', itemId).executeTakeFirst();
}

export async function insertRoleplay(db: Executor, row: Insertable<RoleplaysTable>): Promise<void> {
  await db
    .insertInto('roleplays')
    .values(row)
    .onConflict((oc) => oc.column('item_id').doNothing())
    .execute();
}

export async function updateRoleplay(
  db: Executor,
  itemId: string,
  patch: Updateable<RoleplaysTable>,
): Promise<void> {
  await db.updateTable('roleplays').set(patch).where('item_id', '=', itemId).execute();
}

export async function listRoles(db: Executor, itemIds: readonly string[]): Promise<RoleRow[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('roleplay_roles')
    .selectAll()
    .where('item_id', 'in', itemIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function findRole(db: Executor, roleId: string): Promise<RoleRow | undefined> {
  return db.selectFrom('roleplay_roles').selectAll().where('id', '=', roleId).executeTakeFirst();
}

export async function insertRole(db: Executor, row: Insertable<RoleplayRolesTable>): Promise<void> {
  await db.insertInto('roleplay_roles').values(row).execute();
}

export async function updateRole(
  db: Executor,
  roleId: string,
  patch: Updateable<RoleplayRolesTable>,
): Promise<void> {
  await db.updateTable('roleplay_roles').set(patch).where('id', '=', roleId).execute();
}

export async function deleteRole(db: Executor, roleId: string): Promise<void> {
  await db.deleteFrom('roleplay_holders').where('role_id', '=', roleId).execute();
  await db.deleteFrom('roleplay_roles').where('id', '=', roleId).execute();
}

export async function listHolders(db: Executor, itemIds: readonly string[]): Promise<HolderRow[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('roleplay_holders')
    .selectAll()
    .where('item_id', 'in', itemIds)
    .orderBy('assigned_at')
    .execute();
}

/**
 * The roles a person holds across some items, in person or as a current member of a group that holds it (a
 * group's holders are its members of the moment, never a copy), in the order of `orderHeldRoles`.
 */
export async function listRolesHeldBy(
  db: Executor,
  holderId: string,
  itemIds: readonly string[],
): Promise<{ role_id: string; holder_type: string }[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('roleplay_holders as h')
    .innerJoin('roleplay_roles as r', 'r.id', 'h.role_id')
    .select(['h.role_id', 'r.position', 'h.holder_type'])
    .distinct()
    .where('h.item_id', 'in', itemIds)
    .where((eb) =>
      eb.or([
        eb.and([eb('h.holder_type', '=', 'person'), eb('h.holder_id', '=', holderId)]),
        eb.and([
          eb('h.holder_type', '=', 'group'),
          eb(
            'h.holder_id',
            'in',
            eb
              .selectFrom(groupMembersView(db).as('member'))
              .select('member.group_id')
              .where('member.user_id', '=', holderId),
          ),
        ]),
      ]),
    )
    .orderBy('r.position')
    .orderBy('h.role_id')
    .execute();
}

/** The roles given to a group (in any role-play), with the items they belong to. */
export async function listRolesOfGroup(
  db: Executor,
  groupId: string,
): Promise<{ item_id: string; role_id: string }[]> {
  return db
    .selectFrom('roleplay_holders')
    .select(['item_id', 'role_id'])
    .where('holder_type', '=', 'group')
    .where('holder_id', '=', groupId)
    .orderBy('assigned_at')
    .execute();
}

/** Replaces every holder of the item's roles. */
export async function replaceHolders(
  db: Executor,
  itemId: string,
  rows: readonly Insertable<RoleplayHoldersTable>[],
): Promise<void> {
  await db.deleteFrom('roleplay_holders').where('item_id', '=', itemId).execute();
  if (rows.length)
    await db
      .insertInto('roleplay_holders')
      .values([...rows])
      .execute();
}

export async function listPhases(db: Executor, itemId: string): Promise<PhaseRow[]> {
  return db
    .selectFrom('roleplay_phases')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('starts_at')
    .orderBy('position')
    .execute();
}

export async function insertPhase(db: Executor, row: Insertable<RoleplayPhasesTable>): Promise<void> {
  await db.insertInto('roleplay_phases').values(row).execute();
}

export async function updatePhase(
  db: Executor,
  phaseId: string,
  patch: Updateable<RoleplayPhasesTable>,
): Promise<void> {
  await db.updateTable('roleplay_phases').set(patch).where('id', '=', phaseId).execute();
}

export async function deletePhase(db: Executor, phaseId: string): Promise<void> {
  await db.deleteFrom('roleplay_phases').where('id', '=', phaseId).execute();
}

/** Every version of the outcome document, newest first. */
export async function listOutcomeVersions(db: Executor, itemId: string): Promise<OutcomeVersionRow[]> {
  return db
    .selectFrom('roleplay_outcome_versions')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('version', 'desc')
    .execute();
}

export async function insertOutcomeVersion(
  db: Executor,
  row: Insertable<RoleplayOutcomeVersionsTable>,
): Promise<void> {
  await db.insertInto('roleplay_outcome_versions').values(row).execute();
}
