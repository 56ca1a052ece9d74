/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Course spaces: one space per edition (unique), its sections and items in
 * order, and each person's progress per item (one row per person and item). Timestamps are ISO-8601 UTC
 * text; `settings_json` is text on both engines (parsed in the repository); `required` is 0/1.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('spaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) =>
      c.notNull().unique().references('editions.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('space_sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('title_i18n', 'text', (c) => c.notNull())
    .addColumn('phase', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('space_sections_space_idx')
    .on('space_sections')
    .columns(['space_id', 'position'])
    .execute();
  await db.schema
    .createTable('space_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('section_id', 'text', (c) => c.notNull().references('space_sections.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_i18n', 'text', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('available_from', 'text')
    .addColumn('after_item_id', 'text', (c) => c.references('space_items.id').onDelete('set null'))
    .addColumn('group_id', 'text')
    .addColumn('due_at', 'text')
    .addColumn('completion_rule', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('space_items_section_idx')
    .on('space_items')
    .columns(['section_id', 'position'])
    .execute();
  await db.schema.createIndex('space_items_space_idx').on('space_items').column('space_id').execute();
  await db.schema
    .createTable('space_item_progress')
    .addColumn('item_id', 'text', (c) => c.notNull().references('space_items.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('first_viewed_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('last_outcome', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('space_item_progress_pk', ['item_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('space_item_progress_user_idx')
    .on('space_item_progress')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('space_item_progress').ifExists().execute();
  await db.schema.dropTable('space_items').ifExists().execute();
  await db.schema.dropTable('space_sections').ifExists().execute();
  await db.schema.dropTable('spaces').ifExists().execute();
}
