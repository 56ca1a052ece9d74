/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. The similarity check's fingerprints, kept once per extracted text (a
 * submission's online text, a submitted file's text, a reference document's text) instead of recomputed on
 * every view; and whether a submitted file's text could not be read at all (a corrupt or hostile DOCX).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assignment_submissions').addColumn('text_prints', 'text').execute();
  await db.schema.alterTable('assignment_file_texts').addColumn('prints', 'text').execute();
  await db.schema
    .alterTable('assignment_file_texts')
    .addColumn('unreadable', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('assignment_references').addColumn('prints', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assignment_references').dropColumn('prints').execute();
  await db.schema.alterTable('assignment_file_texts').dropColumn('unreadable').execute();
  await db.schema.alterTable('assignment_file_texts').dropColumn('prints').execute();
  await db.schema.alterTable('assignment_submissions').dropColumn('text_prints').execute();
}
