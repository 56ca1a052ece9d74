import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import type { Config } from '../../src/config.js';
import { createDatabase, type DatabaseOptions, type Dialect } from '../../src/db/database.js';
import type { DB } from '../../src/db/schema.js';
import type { Deps } from '../../src/deps.js';
import { memoryMailer } from '../../src/integrations/mail.js';
import { signerOver } from '../../src/integrations/signer.js';
import { localFolderStorage } from '../../src/integrations/storage.js';
import { type Clock, fixedClock } from '../../src/kernel/clock.js';
import { fileKeyStore } from '../../src/modules/credentials/keys/keys.js';
import { MODULES, migrateToLatest } from '../../src/modules/index.js';
import type { Module } from '../../src/modules/module.js';

export type TestDeps = Deps & {
  mailer: ReturnType<typeof memoryMailer>;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
};

/** The instant tests start at unless they set their own. */
export const TEST_NOW = '2026-11-28T10:00:00.000Z';

/** A configuration for tests: a temporary data folder, no SMTP. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'dp-test-'));
  return {
    dataDir,
    database: { dialect: 'sqlite', filename: ':memory:' },
    port: 0,
    host: '127.0.0.1',
    baseUrl: 'http://localhost:3000',
    secureCookies: false,
    sessionSecret: 'test-session-secret-that-is-long-enough-0123456789',
    smtpUrl: null,
    mailFrom: 'Diploma Platform <no-reply@example.org>',
    outboxDir: join(dataDir, 'outbox'),
    logLevel: 'silent',
    trustProxy: false,
    // No shedding by event-loop delay: a loaded test machine (tests run in parallel) lags now and then,
    // and a shed request would fail an unrelated test. src/http/load-shedding.http.test.ts sets its own.
    loadShedding: { maxEventLoopDelayMs: 0 },
    trustedIssuers: [],
    verifyWorkers: 0,
    signWorkers: 0,
    heapGrowingPercent: 0,
    ...overrides,
  };
}

/**
 * Dependencies over a fresh, migrated database of the given engine: an in-memory SQLite database, or a
 * new schema in the TEST_DATABASE_URL PostgreSQL database (dropped by close()).
 */
export async function createTestDeps(
  dialect: Dialect,
  options: {
    clock?: Clock;
    now?: string;
    modules?: readonly Module[];
    /** PostgreSQL only: how its connections are opened (their name, the loss listener). */
    database?: Pick<DatabaseOptions, 'applicationName' | 'onConnectionError' | 'poolSize'>;
    /** SQLite only: a file in the data folder rather than memory (so that another connection can open it). */
    sqliteFile?: boolean;
  } = {},
): Promise<TestDeps> {
  const config = testConfig();
  const clock = (options.clock as TestDeps['clock']) ?? fixedClock(options.now ?? TEST_NOW);
  let db: Kysely<DB>;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const filename = options.sqliteFile ? join(config.dataDir, 'test.sqlite') : ':memory:';
    const database = createDatabase({ dialect: 'sqlite', filename });
    db = database.db;
    cleanup = () => database.destroy();
  } else {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    // Opened as production opens it (src/db/database.ts: the same pool settings and connection-loss
    // handling), in the test's own schema.
    ({ db } = createDatabase(
      { dialect: 'postgres', connectionString: url },
      { poolSize: 4, ...options.database, searchPath: schema },
    ));
    cleanup = async () => {
      await sql.raw(`drop schema ${schema} cascade`).execute(db);
      await db.destroy();
    };
  }
  const modules = options.modules ?? MODULES;
  await migrateToLatest(db, modules);
  return {
    db,
    dialect,
    clock,
    mailer: memoryMailer(),
    // Real files and real keys in the test's own temporary folder (never the environment's keys).
    storage: localFolderStorage(join(config.dataDir, 'files')),
    signer: signerOver(fileKeyStore(config.dataDir, {})),
    config,
    log: pino({ level: 'silent' }),
    modules,
    close: async () => {
      await cleanup();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
