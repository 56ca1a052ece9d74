/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Allocation by language: the languages each marker marks in (one row per
 * marker and language code), and the language a submission is written in (null: not said).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('marking_marker_languages')
    .addColumn('marker_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('marking_marker_languages_pk', ['marker_id', 'language'])
    .execute();
  await db.schema.alterTable('marking_submissions').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('marking_submissions').dropColumn('language').execute();
  await db.schema.dropTable('marking_marker_languages').execute();
}
