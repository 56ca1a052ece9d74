/** All of the groups module's SQL about group sets, groups and members. */
import type { Executor } from '../../db/database.js';
import type { GroupMemberRow, GroupSetRow, WorkGroupRow } from './groups.tables.js';

export async function listGroupSetsOfEdition(db: Executor, editionId: string): Promise<GroupSetRow[]> {
  return db
    .selectFrom('group_sets')
    .selectAll()
    .where('edition_id', '=', editionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findGroupSet(db: Executor, id: string): Promise<GroupSetRow | undefined> {
  return db.selectFrom('group_sets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGroupSet(db: Executor, row: GroupSetRow): Promise<void> {
  await db.insertInto('group_sets').values(row).execute();
}

export async function updateGroupSet(
  db: Executor,
  id: string,
  patch: Partial<Pick<GroupSetRow, 'name' | 'capacity' | 'closes_at'>>,
): Promise<void> {
  await db.updateTable('group_sets').set(patch).where('id', '=', id).execute();
}

export async function deleteGroupSet(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('group_sets').where('id', '=', id).execute();
}

export async function listGroupsOfSets(db: Executor, setIds: readonly string[]): Promise<WorkGroupRow[]> {
  if (setIds.length === 0) return [];
  return db
    .selectFrom('work_groups')
    .selectAll()
    .where('group_set_id', 'in', setIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function listGroupsByIds(db: Executor, ids: readonly string[]): Promise<WorkGroupRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('work_groups')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** A group and its set in one statement (every group page starts here). */
export async function findGroupWithSet(
  db: Executor,
  id: string,
): Promise<{ group: WorkGroupRow; set: GroupSetRow } | undefined> {
  const row = await db
    .selectFrom('work_groups as g')
    .innerJoin('group_sets as s', 's.id', 'g.group_set_id')
    .selectAll('g')
    .select([
      's.edition_id as s_edition_id',
      's.name as s_name',
      's.formation as s_formation',
      's.capacity as s_capacity',
      's.closes_at as s_closes_at',
      's.created_by as s_created_by',
      's.created_at as s_created_at',
    ])
    .where('g.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    group: {
      id: row.id,
      group_set_id: row.group_set_id,
      name: row.name,
      position: row.position,
      created_at: row.created_at,
    },
    set: {
      id: row.group_set_id,
      edition_id: row.s_edition_id,
      name: row.s_name,
      formation: row.s_formation,
      capacity: row.s_capacity,
      closes_at: row.s_closes_at,
      created_by: row.s_created_by,
      created_at: row.s_created_at,
    },
  };
}

export async function findGroup(db: Executor, id: string): Promise<WorkGroupRow | undefined> {
  return db.selectFrom('work_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGroups(db: Executor, rows: readonly WorkGroupRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('work_groups')
    .values([...rows])
    .execute();
}

export async function renameGroup(db: Executor, id: string, name: string): Promise<void> {
  await db.updateTable('work_groups').set({ name }).where('id', '=', id).execute();
}

export async function deleteGroup(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('work_groups').where('id', '=', id).execute();
}

export async function listMembersOfSets(db: Executor, setIds: readonly string[]): Promise<GroupMemberRow[]> {
  if (setIds.length === 0) return [];
  return db
    .selectFrom('group_members')
    .selectAll()
    .where('group_set_id', 'in', setIds)
    .orderBy('added_at')
    .orderBy('user_id')
    .execute();
}

export async function listMembersOfGroup(db: Executor, groupId: string): Promise<GroupMemberRow[]> {
  return db
    .selectFrom('group_members')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('added_at')
    .orderBy('user_id')
    .execute();
}

export async function listMembersOfGroups(
  db: Executor,
  groupIds: readonly string[],
): Promise<GroupMemberRow[]> {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('group_members')
    .selectAll()
    .where('group_id', 'in', [...new Set(groupIds)])
    .orderBy('added_at')
    .orderBy('user_id')
    .execute();
}

export async function findMembership(
  db: Executor,
  groupSetId: string,
  userId: string,
): Promise<GroupMemberRow | undefined> {
  return db
    .selectFrom('group_members')
    .selectAll()
    .where('group_set_id', '=', groupSetId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The memberships of one person in the group sets of an edition. */
export async function listMembershipsInEdition(
  db: Executor,
  editionId: string,
  userId: string,
): Promise<GroupMemberRow[]> {
  return db
    .selectFrom('group_members')
    .innerJoin('group_sets', 'group_sets.id', 'group_members.group_set_id')
    .selectAll('group_members')
    .where('group_sets.edition_id', '=', editionId)
    .where('group_members.user_id', '=', userId)
    .execute();
}

/** Puts a person in a group of the set (moving them out of any other group of the same set). */
export async function upsertMember(db: Executor, row: GroupMemberRow): Promise<void> {
  await db
    .insertInto('group_members')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['group_set_id', 'user_id']).doUpdateSet({
        group_id: row.group_id,
        source: row.source,
        added_at: row.added_at,
      }),
    )
    .execute();
}

export async function deleteMember(db: Executor, groupSetId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('group_members')
    .where('group_set_id', '=', groupSetId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembersOfSet(db: Executor, groupSetId: string): Promise<void> {
  await db.deleteFrom('group_members').where('group_set_id', '=', groupSetId).execute();
}

export async function countMembersOfGroup(db: Executor, groupId: string): Promise<number> {
  const row = await db
    .selectFrom('group_members')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The storage keys of the files of some groups (to remove them from storage with their set). */
export async function listFileKeysOfGroups(db: Executor, groupIds: readonly string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const rows = await db
    .selectFrom('group_files')
    .select('storage_key')
    .where('group_id', 'in', groupIds)
    .execute();
  return rows.map((r) => r.storage_key);
}
