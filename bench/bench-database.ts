/**
 * The throw-away database a benchmark run works on: a SQLite file in a fresh temporary directory, or a
 * fresh PostgreSQL database created beside the one DATABASE_URL / TEST_DATABASE_URL points to. `drop()`
 * removes it (directory or database) and is safe to call twice.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect } from '../src/db/database.js';
import { UsageError } from './usage-error.js';

export interface BenchDatabase {
  dialect: Dialect;
  /** DATABASE_URL for the generator and the server. */
  url: string;
  /** DATA_DIR for the server (session secret, outbox): a temporary directory. */
  dataDir: string;
  /** What to print (no credentials). */
  label: string;
  drop(): Promise<void>;
}

/** Creates the database of the run; the caller must `drop()` it in a `finally`. */
export async function createBenchDatabase(dialect: Dialect, keep: boolean): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'diploma-bench-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    const file = join(dataDir, 'bench.sqlite');
    return {
      dialect,
      url: file,
      dataDir,
      label: `sqlite ${file}`,
      drop: async () => {
        if (!keep) removeDir();
      },
    };
  }
  const adminUrl = [process.env.DATABASE_URL, process.env.TEST_DATABASE_URL].find((u) =>
    u?.match(/^postgres(ql)?:\/\//),
  );
  if (!adminUrl) {
    removeDir();
    throw new UsageError(
      '--dialect postgres needs DATABASE_URL or TEST_DATABASE_URL set to a postgres:// URL (a role allowed to CREATE DATABASE).',
    );
  }
  const name = `diploma_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    dialect,
    url: url.toString(),
    dataDir,
    label: `postgres ${url.host}/${name}`,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      removeDir();
      if (!keep) await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
