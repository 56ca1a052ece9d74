/** All of the webinars module's SQL. */
import type { Executor } from '../../db/database.js';
import type { AttendanceRow, CalendarTokenRow, MaterialRow, NewMaterialRow } from './webinars.tables.js';

export async function listAttendance(db: Executor, itemIds: readonly string[]): Promise<AttendanceRow[]> {
  if (itemIds.length === 0) return [];
  return db.selectFrom('webinar_attendance').selectAll().where('item_id', 'in', itemIds).execute();
}

export async function listAttendanceOf(
  db: Executor,
  userId: string,
  itemIds: readonly string[],
): Promise<AttendanceRow[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('webinar_attendance')
    .selectAll()
    .where('user_id', '=', userId)
    .where('item_id', 'in', itemIds)
    .execute();
}

/** Sets one person's attendance of an item (replacing what was recorded). */
export async function upsertAttendance(db: Executor, row: AttendanceRow): Promise<void> {
  await db
    .insertInto('webinar_attendance')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['item_id', 'user_id']).doUpdateSet({
        attended: row.attended,
        source: row.source,
        recorded_by: row.recorded_by,
        recorded_at: row.recorded_at,
      }),
    )
    .execute();
}

export async function listMaterials(db: Executor, itemId: string): Promise<MaterialRow[]> {
  return db
    .selectFrom('webinar_materials')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findMaterial(db: Executor, id: string): Promise<MaterialRow | undefined> {
  return db.selectFrom('webinar_materials').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMaterial(db: Executor, row: NewMaterialRow): Promise<void> {
  await db.insertInto('webinar_materials').values(row).execute();
}

export async function deleteMaterial(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('webinar_materials').where('id', '=', id).execute();
}

/** Records a reminder as sent; false when it was already (the primary key: once per process group). */
export async function insertReminderOnce(
  db: Executor,
  row: { item_id: string; user_id: string; kind: string; starts_at: string; sent_at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('webinar_reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['item_id', 'user_id', 'kind', 'starts_at']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function countReminders(db: Executor, itemId: string): Promise<number> {
  const row = await db
    .selectFrom('webinar_reminders')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('item_id', '=', itemId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findCalendarToken(db: Executor, userId: string): Promise<CalendarTokenRow | undefined> {
  return db
    .selectFrom('webinar_calendar_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function findCalendarTokenOwner(db: Executor, token: string): Promise<string | null> {
  const row = await db
    .selectFrom('webinar_calendar_tokens')
    .select('user_id')
    .where('token', '=', token)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export async function saveCalendarToken(db: Executor, row: CalendarTokenRow): Promise<void> {
  await db
    .insertInto('webinar_calendar_tokens')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token: row.token, created_at: row.created_at }))
    .execute();
}

export async function deleteCalendarToken(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('webinar_calendar_tokens').where('user_id', '=', userId).execute();
}
