/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Each marker's bank of frequent comments, for any rubric or for one.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('marking_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('marker_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('rubric_id', 'text', (c) => c.references('marking_rubrics.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('marking_comments_marker_idx')
    .on('marking_comments')
    .column('marker_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('marking_comments').execute();
}
