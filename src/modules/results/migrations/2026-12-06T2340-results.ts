/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Course results: each edition's result policy, versioned (a save is a new
 * row; unique per edition and version), the gradebook's overrides (one per edition, person and component,
 * with the reason), and the snapshot of each finalised result (policy version, inputs and output as JSON
 * text). Timestamps are ISO-8601 UTC text; marks are integer hundredths of a percent; `excused` is 0/1.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('result_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('policy_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('result_policies_edition_version_uq', ['edition_id', 'version'])
    .execute();
  await db.schema
    .createTable('result_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addColumn('mark', 'integer')
    .addColumn('excused', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('result_overrides_person_component_uq', ['edition_id', 'user_id', 'component_id'])
    .execute();
  await db.schema
    .createTable('result_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('result_id', 'text')
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('inputs_json', 'text', (c) => c.notNull())
    .addColumn('output_json', 'text', (c) => c.notNull())
    .addColumn('finalised_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('finalised_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('result_snapshots_edition_idx')
    .on('result_snapshots')
    .columns(['edition_id', 'user_id', 'finalised_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('result_snapshots').execute();
  await db.schema.dropTable('result_overrides').execute();
  await db.schema.dropTable('result_policies').execute();
}
