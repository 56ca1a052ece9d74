import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { FragmentCache } from './fragment-cache.js';

/** The kept fragments over a real (in-memory SQLite) database handle and its write tracking. */
describe('FragmentCache', () => {
  const opened: { destroy(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const database of opened.splice(0)) await database.destroy();
  });
  const open = async () => {
    const database = createDatabase({ dialect: 'sqlite', filename: ':memory:' });
    opened.push(database);
    await sql`create table notes (id integer primary key, body text)`.execute(database.db);
    await sql`create table other (id integer primary key)`.execute(database.db);
    return database.db;
  };
  const counting = () => {
    let made = 0;
    return {
      make: async () => `value ${++made}`,
      get made() {
        return made;
      },
    };
  };

  it('keeps a value until one of its tables is written, not when another table is', async () => {
    const db = await open();
    const cache = new FragmentCache<string>({ tables: ['notes'] });
    const source = counting();
    expect(await cache.get(db, 'k', source.make)).toBe('value 1');
    expect(await cache.get(db, 'k', source.make)).toBe('value 1');
    await sql`insert into other (id) values (1)`.execute(db);
    expect(await cache.get(db, 'k', source.make)).toBe('value 1');
    await sql`insert into notes (body) values ('x')`.execute(db);
    expect(await cache.get(db, 'k', source.make)).toBe('value 2');
    expect(await cache.get(db, 'other key', source.make)).toBe('value 3');
  });

  it('never keeps a value made while its tables were being written (the stamp is read first)', async () => {
    const db = await open();
    const cache = new FragmentCache<string>({ tables: ['notes'] });
    let made = 0;
    const first = await cache.get(db, 'k', async () => {
      made++;
      await sql`insert into notes (body) values ('during')`.execute(db);
      return 'old';
    });
    expect(first).toBe('old');
    expect(await cache.get(db, 'k', async () => `new ${++made}`)).toBe('new 2');
  });

  it('lets an entry expire after its time (writes of other processes), and drops the least recently used', async () => {
    const db = await open();
    let now = 0;
    const cache = new FragmentCache<string>({
      tables: ['notes'],
      ttlMs: 1000,
      maxEntries: 2,
      now: () => now,
    });
    const source = counting();
    await cache.get(db, 'a', source.make);
    now = 999;
    expect(await cache.get(db, 'a', source.make)).toBe('value 1');
    now = 1000;
    expect(await cache.get(db, 'a', source.make)).toBe('value 2');
    await cache.get(db, 'b', source.make);
    await cache.get(db, 'a', source.make);
    await cache.get(db, 'c', source.make);
    expect(cache.size).toBe(2);
    expect(await cache.get(db, 'a', source.make)).toBe('value 2');
    expect(await cache.get(db, 'b', source.make)).toBe('value 5');
  });

  it('keeps nothing for a database handle whose writes are not tracked', async () => {
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    opened.push(db);
    const cache = new FragmentCache<string>({ tables: ['notes'] });
    const source = counting();
    await cache.get(db, 'k', source.make);
    expect(await cache.get(db, 'k', source.make)).toBe('value 2');
    expect(cache.size).toBe(0);
  });
});
