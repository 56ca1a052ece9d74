import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../src/modules/index.js';
import { namedTables } from './helpers/source-scan.js';
import { createTestDeps, type TestDeps } from './helpers/test-deps.js';

/**
 * One owner per table: every table belongs to exactly one module (or to the platform's kernel), and only
 * its owner's code names it. Other modules read through the owner's internal queries
 * (`<module>.queries.ts`) and change it through the owner's use cases.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MODULES_DIR = join(ROOT, 'src/modules');

/** Tables of the platform itself (written by src/kernel and Kysely's migrator), not of a module. */
const KERNEL_TABLES = [
  'audit_events',
  'schema_migrations',
  'kysely_migration_lock',
  // Staged writes (src/db/staged-rows.ts, docs/decisions/0010-staged-writes.md); the staging tables made
  // per batch (`stage_<batch>_<table>`) are dropped after their swap.
  'staged_rows',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('one owner per table', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps('sqlite');
  });
  afterAll(() => deps.close());

  it('gives every table of the database exactly one owner', async () => {
    const rows = (
      await sql<{
        name: string;
        sql: string | null;
      }>`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
        deps.db,
      )
    ).rows;
    // FTS5's shadow tables belong to their virtual table.
    const virtual = new Set(
      rows.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name),
    );
    const tables = rows
      .map((r) => r.name)
      .filter((name) => {
        const shadow = /^(.+)_(data|idx|content|docsize|config)$/.exec(name);
        return !(shadow && virtual.has(shadow[1] ?? ''));
      });
    const owners = new Map<string, string[]>();
    for (const table of KERNEL_TABLES) owners.set(table, ['kernel']);
    for (const module of MODULES)
      for (const table of module.tables ?? []) owners.set(table, [...(owners.get(table) ?? []), module.name]);
    const problems = tables.flatMap((table) => {
      const owner = owners.get(table) ?? [];
      return owner.length === 1 ? [] : [`${table}: ${owner.length ? owner.join(', ') : 'no owner'}`];
    });
    expect(problems).toEqual([]);
  });

  it('lets only the owner’s code name a table', () => {
    const owner = new Map<string, string>();
    for (const module of MODULES) for (const table of module.tables ?? []) owner.set(table, module.name);
    const problems: string[] = [];
    for (const module of MODULES) {
      const dir = module.name === 'jobs' ? join(ROOT, 'src/jobs') : join(MODULES_DIR, module.name);
      for (const file of sourceFiles(dir)) {
        for (const table of namedTables(readFileSync(file, 'utf8'))) {
          const of = owner.get(table);
          if (of && of !== module.name)
            problems.push(`${relative(ROOT, file)} names ${table} (owned by ${of})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds table names in builder calls and raw SQL', () => {
    expect(
      namedTables(
        "db.selectFrom('users').innerJoin('courses as c', 'c.id', 'x'); sql`select * from editions e join themes t`",
      ).sort(),
    ).toEqual(['courses', 'editions', 'themes', 'users']);
  });
});
