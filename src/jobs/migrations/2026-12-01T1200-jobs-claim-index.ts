/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * The runner claims the next due job in (run_at, id) order: with `jobs_due_idx` on (status, run_at) alone,
 * every job enqueued in the same instant (an import queues thousands at once) had to be read and sorted
 * for each claim. The index now carries the id, so a claim reads one index entry.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('jobs_due_idx').execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('jobs_due_idx').execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
}
