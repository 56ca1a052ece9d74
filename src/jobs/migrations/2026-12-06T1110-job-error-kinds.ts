/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL.
 * - `jobs.error_kind`: what kind of failure the last error was (`environment`, `domain`, `permanent`,
 *   `worker-lost`, `internal`), so that pages show a translated summary rather than the raw text.
 * - `jobs.environment_failures`: failures for an environmental cause (files, fonts, network, database
 *   connection). They are retried with back-off on their own budget, without spending the job's attempts.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('error_kind', 'text').execute();
  await db.schema
    .alterTable('jobs')
    .addColumn('environment_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').dropColumn('environment_failures').execute();
  await db.schema.alterTable('jobs').dropColumn('error_kind').execute();
}
