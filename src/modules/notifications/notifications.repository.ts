import type { Executor } from '../../db/database.js';
import { reusableQuery } from '../../db/reusable-query.js';
import { usersView } from '../identity/identity.read-models.repository.js';
import type { NotificationRow } from './notifications.tables.js';

/**
 * All SQL of the notifications module. The reminder queries and the title look-ups read other modules'
 * tables (enrolments, editions, courses, applications, programmes): read-only projections that the
 * notifications need and that no other module's use case offers in one query.
 */

/** Inserts a notification unless one with the same key exists (the key is unique). */
export async function insertNotificationOnce(
  db: Executor,
  row: Omit<NotificationRow, 'read_at'>,
): Promise<boolean> {
  const result = await db
    .insertInto('notifications')
    .values({ ...row, read_at: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** One person's notifications, newest first. */
export async function listNotificationRows(
  db: Executor,
  userId: string,
  options: { limit: number; offset: number; unreadOnly: boolean },
): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

// The bell's number, on every signed-in page: built and compiled once (reusableQuery).
const countUnread = reusableQuery((db, userId: string) =>
  db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null),
);

export async function countNotifications(db: Executor, userId: string, unreadOnly: boolean): Promise<number> {
  if (unreadOnly) return Number((await countUnread(db, userId))[0]?.n ?? 0);
  let query = db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One of a person's notifications (another person's reads as missing). */
export async function findOwnNotification(
  db: Executor,
  userId: string,
  id: string,
): Promise<NotificationRow | undefined> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Marks some (or all, with `ids` null) of a person's unread notifications read; returns how many. */
export async function markRead(
  db: Executor,
  userId: string,
  ids: readonly string[] | null,
  now: string,
): Promise<number> {
  if (ids?.length === 0) return 0;
  let query = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) query = query.where('id', 'in', ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listPreferenceRows(db: Executor, userId: string) {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute();
}

export async function findPreferenceRow(db: Executor, userId: string, kind: string) {
  return db
    .selectFrom('notification_preferences')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export async function upsertPreference(
  db: Executor,
  row: { user_id: string; kind: string; in_app: number; email: number; updated_at: string },
): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind']).doUpdateSet({
        in_app: row.in_app,
        email: row.email,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** The person an email goes to (null when gone). */
export async function findRecipient(db: Executor, userId: string) {
  return db
    .selectFrom(usersView(db).as('users'))
    .select(['id', 'email', 'full_name', 'preferred_locale', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function findDelivery(db: Executor, key: string) {
  return db.selectFrom('mail_deliveries').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Records that the email of a notice went out (a second record of the same notice is a no-op). */
export async function recordDelivery(
  db: Executor,
  row: { key: string; user_id: string; kind: string; message_id: string; sent_at: string },
): Promise<void> {
  await db
    .insertInto('mail_deliveries')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
