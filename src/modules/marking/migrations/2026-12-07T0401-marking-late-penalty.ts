/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. The points (hundredths) a submission's owner asks to take from its
 * released mark (an assignment's late penalty).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('marking_submissions')
    .addColumn('late_penalty', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('marking_submissions').dropColumn('late_penalty').execute();
}
