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
