/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. The text of a submitted file (PDF by pdftotext, DOCX by its XML), extracted
 * once and kept for the similarity check; no row: not extracted yet (e.g. pdftotext was missing).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assignment_file_texts')
    .addColumn('file_id', 'text', (c) => c.primaryKey().references('assignment_files.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('extracted_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assignment_file_texts').execute();
}
