import type { Dialect } from '../../src/db/database.js';

const postgresUrl = process.env.TEST_DATABASE_URL;

if (!postgresUrl && process.env.REQUIRE_POSTGRES === '1') {
  throw new Error(
    'REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: the PostgreSQL run would be skipped.',
  );
}
if (!postgresUrl && !process.env.DP_POSTGRES_SKIP_NOTED) {
  process.env.DP_POSTGRES_SKIP_NOTED = '1';
  console.warn(
    '[tests] PostgreSQL tests SKIPPED: set TEST_DATABASE_URL=postgres://… to run every integration test on PostgreSQL too.',
  );
}

/** The engines every integration test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DIALECTS: Dialect[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
