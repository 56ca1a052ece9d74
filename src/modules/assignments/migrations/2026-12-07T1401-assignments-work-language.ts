/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. The language a participant's work is written in (a teaching-language
 * code; null: not said, the edition's language is assumed), handed to marking for allocation by language.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assignment_submissions').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assignment_submissions').dropColumn('language').execute();
}
