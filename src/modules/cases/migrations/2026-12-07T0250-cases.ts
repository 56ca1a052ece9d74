/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Case studies keyed by their space item: texts and settings, news released
 * at set dates, documents (stored files), answers (one per owner: a unique constraint) with feedback.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('space_items.id').onDelete('cascade'))
    .addColumn('context_i18n', 'text', (c) => c.notNull())
    .addColumn('questions_i18n', 'text', (c) => c.notNull())
    .addColumn('answer_mode', 'text', (c) => c.notNull())
    .addColumn('group_set_id', 'text')
    .addColumn('deadline_at', 'text')
    .addColumn('debrief_i18n', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('case_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('space_items.id').onDelete('cascade'))
    .addColumn('title_i18n', 'text', (c) => c.notNull())
    .addColumn('body_i18n', 'text', (c) => c.notNull())
    .addColumn('release_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_releases_item_idx').on('case_releases').column('item_id').execute();
  await db.schema
    .createTable('case_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('space_items.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_documents_item_idx').on('case_documents').column('item_id').execute();
  await db.schema
    .createTable('case_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('space_items.id').onDelete('cascade'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('feedback', 'text')
    .addColumn('feedback_by', 'text')
    .addColumn('feedback_at', 'text')
    .addUniqueConstraint('case_answers_owner_unique', ['item_id', 'owner_type', 'owner_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_answers').ifExists().execute();
  await db.schema.dropTable('case_documents').ifExists().execute();
  await db.schema.dropTable('case_releases').ifExists().execute();
  await db.schema.dropTable('cases').ifExists().execute();
}
