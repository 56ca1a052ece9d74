/** The groups module's SQL about what groups make: shared page revisions, files, group tasks' work. */
import type { Executor } from '../../db/database.js';
import type { GroupFileRow, GroupTaskWorkRow, NewGroupFileRow, PageRevisionRow } from './groups.tables.js';

export async function latestPageRevision(
  db: Executor,
  groupId: string,
): Promise<PageRevisionRow | undefined> {
  return db
    .selectFrom('group_page_revisions')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listPageRevisions(db: Executor, groupId: string): Promise<PageRevisionRow[]> {
  return db
    .selectFrom('group_page_revisions')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('version', 'desc')
    .limit(200)
    .execute();
}

/** Adds a revision; false when that version exists already (another save came first). */
export async function insertPageRevision(db: Executor, row: PageRevisionRow): Promise<boolean> {
  const result = await db
    .insertInto('group_page_revisions')
    .values(row)
    .onConflict((oc) => oc.columns(['group_id', 'version']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listGroupFiles(db: Executor, groupId: string): Promise<GroupFileRow[]> {
  return db
    .selectFrom('group_files')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

export async function findGroupFile(db: Executor, id: string): Promise<GroupFileRow | undefined> {
  return db.selectFrom('group_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGroupFile(db: Executor, row: NewGroupFileRow): Promise<void> {
  await db.insertInto('group_files').values(row).execute();
}

export async function deleteGroupFile(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('group_files').where('id', '=', id).execute();
}

export async function findTaskWork(
  db: Executor,
  itemId: string,
  groupId: string,
): Promise<GroupTaskWorkRow | undefined> {
  return db
    .selectFrom('group_task_work')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
}

export async function listTaskWork(db: Executor, itemId: string): Promise<GroupTaskWorkRow[]> {
  return db.selectFrom('group_task_work').selectAll().where('item_id', '=', itemId).execute();
}

/** Saves a group's work if it is still at `fromVersion`; false when another save came first. */
export async function saveTaskWork(
  db: Executor,
  row: GroupTaskWorkRow,
  fromVersion: number,
): Promise<boolean> {
  if (fromVersion === 0) {
    const result = await db
      .insertInto('group_task_work')
      .values(row)
      .onConflict((oc) => oc.columns(['item_id', 'group_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const result = await db
    .updateTable('group_task_work')
    .set({
      body: row.body,
      version: row.version,
      updated_by: row.updated_by,
      updated_at: row.updated_at,
      submitted_by: row.submitted_by,
      submitted_at: row.submitted_at,
    })
    .where('item_id', '=', row.item_id)
    .where('group_id', '=', row.group_id)
    .where('version', '=', fromVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0) > 0;
}
