/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL.
 * - `sign_in_addresses`: the client addresses each account recently signed in from. The sign-in back-off
 *   never locks an account out of these (docs/operations.md § Sign-in back-off).
 * - `jobs.error_kind`: what kind of failure the last error was (`environment`, `domain`, `invalid-payload`,
 *   `worker-lost`, `internal`), so that pages show a translated summary rather than the raw text.
 * - `jobs.environment_failures`: failures for an environmental cause (files, fonts, network, database
 *   connection). They are retried with back-off on their own budget, without spending the job's attempts.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_addresses')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('last_success_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_addresses_pk', ['user_id', 'address'])
    .execute();
  await db.schema.alterTable('jobs').addColumn('error_kind', 'text').execute();
  await db.schema
    .alterTable('jobs')
    .addColumn('environment_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').dropColumn('environment_failures').execute();
  await db.schema.alterTable('jobs').dropColumn('error_kind').execute();
  await db.schema.dropTable('sign_in_addresses').execute();
}
