/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Groups and group work: group sets per edition, their groups and members
 * (one group per person and set: the primary key), each group's shared page as numbered revisions (the
 * primary key refuses two saves of the same version), shared files, each group's work on a group task,
 * peer evaluations (one per group set) and the ratings given in them. Timestamps are ISO-8601 UTC text.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('group_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('formation', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('closes_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('group_sets_edition_idx').on('group_sets').column('edition_id').execute();
  await db.schema
    .createTable('work_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_set_id', 'text', (c) => c.notNull().references('group_sets.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_groups_set_idx').on('work_groups').column('group_set_id').execute();
  await db.schema
    .createTable('group_members')
    .addColumn('group_set_id', 'text', (c) => c.notNull().references('group_sets.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('work_groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['group_set_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_group_idx').on('group_members').column('group_id').execute();
  await db.schema.createIndex('group_members_user_idx').on('group_members').column('user_id').execute();
  await db.schema
    .createTable('group_page_revisions')
    .addColumn('group_id', 'text', (c) => c.notNull().references('work_groups.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text')
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_page_revisions_pk', ['group_id', 'version'])
    .execute();
  await db.schema
    .createTable('group_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('work_groups.id').onDelete('cascade'))
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('group_files_group_idx').on('group_files').column('group_id').execute();
  await db.schema
    .createTable('group_task_work')
    .addColumn('item_id', 'text', (c) => c.notNull().references('space_items.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('work_groups.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addPrimaryKeyConstraint('group_task_work_pk', ['item_id', 'group_id'])
    .execute();
  await db.schema
    .createTable('peer_evaluations')
    .addColumn('group_set_id', 'text', (c) => c.primaryKey().references('group_sets.id').onDelete('cascade'))
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('peer_ratings')
    .addColumn('group_set_id', 'text', (c) => c.notNull().references('group_sets.id').onDelete('cascade'))
    .addColumn('rater_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('ratee_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('rated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('peer_ratings_pk', ['group_set_id', 'rater_id', 'ratee_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'peer_ratings',
    'peer_evaluations',
    'group_task_work',
    'group_files',
    'group_page_revisions',
    'group_members',
    'work_groups',
    'group_sets',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
