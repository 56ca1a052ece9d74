/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Staged writes get a staging table per batch (src/db/staged-rows.ts,
 * docs/decisions/0010-staged-writes.md): the shared `staged_<table>` twins of 2026-12-07T2600 are dropped
 * (their rows, if a crashed commit left any, belong to an import that stages again from the start).
 */
import type { Kysely } from 'kysely';

const STAGED = ['enrolments', 'results', 'audit_events', 'jobs'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of STAGED) await db.schema.dropTable(`staged_${table}`).ifExists().execute();
}

export async function down(): Promise<void> {
  // The shared twins are not made again: a staging table is made per batch.
}
