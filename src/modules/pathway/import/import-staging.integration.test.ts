import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { countRows } from '../../../../test/helpers/http-extra.js';
import { threeAchievements } from '../../../../test/helpers/import-helpers.js';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../../test/helpers/test-deps.js';
import {
  clearStagedRows,
  createStagingTables,
  STAGEABLE_TABLES,
  stagingTableName,
} from '../../../db/staged-rows.js';
import { systemActor } from '../../../kernel/actor.js';
import { applyImport } from './import-commit.js';
import { uploadImport } from './import-upload.js';

/**
 * The commit stages its rows in short statements and holds the database only for the swap
 * (docs/decisions/0010-staged-writes.md): while the staging runs, another connection's short write goes
 * through at once (SQLite: no busy wait at all; PostgreSQL: the import's row is not locked), and nothing of
 * the import is visible yet.
 */

/** Called after each staged statement of the import (set by the test). */
const hook: { afterStage: (() => Promise<void>) | null } = { afterStage: null };

vi.mock('../../../db/staged-rows.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../db/staged-rows.js')>();
  return {
    ...original,
    stageRows: async (...args: Parameters<typeof original.stageRows>) => {
      await original.stageRows(...args);
      await hook.afterStage?.();
    },
  };
});

const SYSTEM = systemActor('test');

for (const dialect of DIALECTS) {
  describe(`${dialect}: an import's staging leaves the database to others`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect, { sqliteFile: true });
    });
    afterAll(async () => deps?.close());

    it('lets another connection write at once while the rows are staged, and shows nothing before the swap', async () => {
      deps.clock.set(TEST_NOW);
      const { csv } = await threeAchievements(deps);
      const { id } = await uploadImport(deps.db, deps, SYSTEM, {
        fileName: 'r.csv',
        bytes: Buffer.from(csv),
      });
      const resultsBefore = await countRows(deps, 'results');
      const other = await otherConnection(deps);
      const seen: { wrote: number; results: number }[] = [];
      hook.afterStage = async () => {
        // A short write from another connection that must not wait: SQLite with no busy timeout at all
        // (it fails at once while a write transaction is open), PostgreSQL with a 200 ms lock timeout on
        // the import's own row (which the old single-transaction commit locked first).
        seen.push({ wrote: await other.touchImport(id), results: await other.countResults() });
      };
      try {
        const applied = await applyImport(deps.db, deps, SYSTEM, id);
        expect(applied.status).toBe('committed');
      } finally {
        hook.afterStage = null;
        await other.close();
      }
      // Places, results, audit events, jobs: one staged statement each at least.
      expect(seen.length).toBeGreaterThanOrEqual(4);
      expect(seen.every((s) => s.wrote === 1 && s.results === resultsBefore)).toBe(true);
      expect(await countRows(deps, 'results')).toBe(resultsBefore + 3);
      expect(await stagingTables(deps)).toEqual([]);
      expect(await countRows(deps, 'staged_rows')).toBe(0);
    });

    it("gives a batch's staging tables the columns of their tables, and drops them when cleared", async () => {
      const batch = { id: '0193a6f2-7b1c-7d00-8000-000000000001', owner: 'owner-1' };
      await createStagingTables(deps.db, batch, STAGEABLE_TABLES, TEST_NOW);
      for (const table of STAGEABLE_TABLES) {
        const columns = await columnsOf(deps, table);
        expect(columns.length).toBeGreaterThan(3);
        expect((await columnsOf(deps, stagingTableName(batch.id, table))).sort()).toEqual(columns.sort());
      }
      await clearStagedRows(deps.db, { owner: batch.owner });
      expect(await stagingTables(deps)).toEqual([]);
      expect(await countRows(deps, 'staged_rows')).toBe(0);
    });
  });
}

/** The staging tables that exist (none once a commit is over). */
async function stagingTables(deps: TestDeps): Promise<string[]> {
  const { rows } =
    deps.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and substr(name, 1, 6) = 'stage_'`.execute(deps.db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and substr(table_name, 1, 6) = 'stage_'`.execute(deps.db);
  return rows.map((r) => r.name);
}

async function columnsOf(deps: TestDeps, table: string): Promise<string[]> {
  if (deps.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(
      deps.db,
    );
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ name: string }>`select column_name as name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(deps.db);
  return rows.map((r) => r.name);
}

/** A second connection to the test's database, as another process would open it. */
async function otherConnection(deps: TestDeps) {
  if (deps.dialect === 'sqlite') {
    const db = new SQLite(join(deps.config.dataDir, 'test.sqlite'));
    db.pragma('busy_timeout = 0');
    return {
      touchImport: async (id: string) =>
        db.prepare('update imports set updated_at = updated_at where id = ?').run(id).changes,
      countResults: async () =>
        Number((db.prepare('select count(*) as n from results').get() as { n: number }).n),
      close: async () => db.close(),
    };
  }
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(deps.db);
  const client = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL,
    options: `-c search_path=${rows[0]!.schema} -c lock_timeout=200`,
  });
  await client.connect();
  return {
    touchImport: async (id: string) =>
      (await client.query('update imports set updated_at = updated_at where id = $1', [id])).rowCount ?? 0,
    countResults: async () => Number((await client.query('select count(*) as n from results')).rows[0].n),
    close: () => client.end(),
  };
}
