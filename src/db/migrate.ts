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
import * as pathway from './migrations/2026-11-28T2200-pathway.js';
import * as importFiles from './migrations/2026-11-29T0900-import-files.js';
import * as pathwayIndexes from './migrations/2026-11-29T1000-pathway-indexes.js';
import * as credentials from './migrations/2026-11-30T1200-credentials.js';
import * as admissions from './migrations/2026-12-01T0900-admissions.js';
import * as places from './migrations/2026-12-01T0930-places.js';
import * as notifications from './migrations/2026-12-01T1000-notifications.js';
import * as reviewQueueIndexes from './migrations/2026-12-01T1130-review-queue-indexes.js';
import * as admissionsIndexes from './migrations/2026-12-01T1140-admissions-indexes.js';
import * as jobsClaimIndex from './migrations/2026-12-01T1200-jobs-claim-index.js';
import * as signInAddressesAndJobErrors from './migrations/2026-12-09T0900-sign-in-addresses-and-job-errors.js';
import type { DB } from './schema.js';

/**
 * The migrations in order. Listed statically (not read from the folder) so that they are bundled with the
 * code and a typo is a compile error. Names are ISO timestamps; never rename or edit a landed one.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-28T2130-foundation': foundation,
  '2026-11-28T2200-pathway': pathway,
  '2026-11-29T0900-import-files': importFiles,
  '2026-11-30T1200-credentials': credentials,
  '2026-11-29T1000-pathway-indexes': pathwayIndexes,
  '2026-12-01T0900-admissions': admissions,
  '2026-12-01T0930-places': places,
  '2026-12-01T1000-notifications': notifications,
  '2026-12-01T1130-review-queue-indexes': reviewQueueIndexes,
  '2026-12-01T1140-admissions-indexes': admissionsIndexes,
  '2026-12-01T1200-jobs-claim-index': jobsClaimIndex,
  '2026-12-09T0900-sign-in-addresses-and-job-errors': signInAddressesAndJobErrors,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies every pending migration; throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationResult[]> {
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
