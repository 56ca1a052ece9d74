/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Role-play exercises keyed by their space item: settings, roles with
 * briefs, holders, phases, and the outcome document's versions (unique per item and version number).
 * Timestamps are ISO-8601 UTC text; flags are 0/1; localized texts are JSON text.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('roleplays')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('space_items.id').onDelete('cascade'))
    .addColumn('scenario_i18n', 'text', (c) => c.notNull())
    .addColumn('allow_own_constituency', 'integer', (c) => c.notNull())
    .addColumn('revealed_at', 'text')
    .addColumn('debrief_i18n', 'text', (c) => c.notNull())
    .addColumn('debrief_published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('roleplay_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('space_items.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name_i18n', 'text', (c) => c.notNull())
    .addColumn('constituency', 'text')
    .addColumn('public_brief_i18n', 'text', (c) => c.notNull())
    .addColumn('private_brief_i18n', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('roleplay_roles_item_idx').on('roleplay_roles').column('item_id').execute();
  await db.schema
    .createTable('roleplay_holders')
    .addColumn('role_id', 'text', (c) => c.notNull().references('roleplay_roles.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('space_items.id').onDelete('cascade'))
    .addColumn('holder_type', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text')
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('roleplay_holders_pk', ['role_id', 'holder_type', 'holder_id'])
    .execute();
  await db.schema
    .createIndex('roleplay_holders_item_idx')
    .on('roleplay_holders')
    .columns(['item_id', 'holder_id'])
    .execute();
  await db.schema
    .createTable('roleplay_phases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('space_items.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title_i18n', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('forum_id', 'text')
    .execute();
  await db.schema.createIndex('roleplay_phases_item_idx').on('roleplay_phases').column('item_id').execute();
  await db.schema
    .createTable('roleplay_outcome_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('space_items.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text')
    .addColumn('role_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('roleplay_outcome_versions_unique', ['item_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('roleplay_outcome_versions').ifExists().execute();
  await db.schema.dropTable('roleplay_phases').ifExists().execute();
  await db.schema.dropTable('roleplay_holders').ifExists().execute();
  await db.schema.dropTable('roleplay_roles').ifExists().execute();
  await db.schema.dropTable('roleplays').ifExists().execute();
}
