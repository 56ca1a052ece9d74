/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Webinars: attendance per person and item, materials attached after a
 * session, reminders sent (unique per person, item, kind and start: sent once whatever the number of
 * processes) and private calendar feed tokens. Timestamps are ISO-8601 UTC text; flags are 0/1.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webinar_attendance')
    .addColumn('item_id', 'text', (c) => c.notNull().references('space_items.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('attended', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('webinar_attendance_pk', ['item_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('webinar_attendance_user_idx')
    .on('webinar_attendance')
    .column('user_id')
    .execute();
  await db.schema
    .createTable('webinar_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('space_items.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('storage_key', 'text')
    .addColumn('file_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('size', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webinar_materials_item_idx')
    .on('webinar_materials')
    .column('item_id')
    .execute();
  await db.schema
    .createTable('webinar_reminders')
    .addColumn('item_id', 'text', (c) => c.notNull().references('space_items.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('webinar_reminders_pk', ['item_id', 'user_id', 'kind', 'starts_at'])
    .execute();
  await db.schema
    .createTable('webinar_calendar_tokens')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webinar_calendar_tokens').ifExists().execute();
  await db.schema.dropTable('webinar_reminders').ifExists().execute();
  await db.schema.dropTable('webinar_materials').ifExists().execute();
  await db.schema.dropTable('webinar_attendance').ifExists().execute();
}
