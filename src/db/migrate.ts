import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResult,
  Migrator,
  sql,
} from 'kysely';
import { dialectOf } from './database.js';
import * as foundation from './migrations/2026-11-28T2130-foundation.js';
import * as searchFolding from './migrations/2026-12-06T1520-search-folding.js';
import * as stagedRows from './migrations/2026-12-07T2600-staged-rows.js';
import * as stagingPerBatch from './migrations/2026-12-10T1600-staging-per-batch.js';
import type { DB } from './schema.js';

/**
 * The platform's own migrations (the tables every module relies on: people, programmes, the catalogue,
 * the audit log). The modules bring theirs in their descriptors; `src/modules/index.ts` gathers them all.
 * Names are ISO timestamps; never rename or edit a landed one. Kysely applies them in name order.
 */
export const KERNEL_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-28T2130-foundation': foundation,
  '2026-12-06T1520-search-folding': searchFolding,
  '2026-12-07T2600-staged-rows': stagedRows,
  '2026-12-10T1600-staging-per-batch': stagingPerBatch,
};

/** Applies every pending migration of `migrations`; throws with the failing migration's name if one fails. */
export async function runMigrations(
  db: Kysely<DB>,
  migrations: Readonly<Record<string, Migration>>,
): Promise<MigrationResult[]> {
  const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };
  // Kysely looks for its bookkeeping tables in every schema unless told which one: on PostgreSQL a
  // `schema_migrations` in another schema (another test run, another app) would be taken for ours.
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'schema_migrations',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return results;
}
