import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from './database.js';
import { KeptResults } from './kept-results.js';
import type { DB } from './schema.js';

/** The kept fragments over a real (in-memory SQLite) database handle and its write tracking. */
describe('KeptResults', () => {
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
    const cache = new KeptResults<string>({ tables: ['notes'] });
    const source = counting();
    expect(await cache.get(db, 'k', source.make)).toBe('value 1');
    expect(await cache.get(db, 'k', source.make)).toBe('value 1');
    await sql`insert into other (id) values (1)`.execute(db);
    expect(await cache.get(db, 'k', source.make)).toBe('value 1');
    await sql`insert into notes (body) values ('x')`.execute(db);
    expect(await cache.get(db, 'k', source.make)).toBe('value 2');
    expect(await cache.get(db, 'other key', source.make)).toBe('value 3');
  });

  it('lets requests that miss together share one read, unless a table was written since it started', async () => {
    const db = await open();
    const cache = new KeptResults<string>({ tables: ['notes'] });
    let made = 0;
    let release = () => {};
    const slow = () =>
      new Promise<string>((resolve) => {
        const n = ++made;
        release = () => resolve(`value ${n}`);
      });
    const together = [cache.get(db, 'k', slow), cache.get(db, 'k', slow), cache.get(db, 'k', slow)];
    expect(made).toBe(1);
    release();
    expect(await Promise.all(together)).toEqual(['value 1', 'value 1', 'value 1']);
    // A write while a read runs: a request after it does not wait for the older read.
    await sql`insert into notes (body) values ('x')`.execute(db);
    const before = cache.get(db, 'k', slow);
    const firstRelease = release;
    await sql`insert into notes (body) values ('y')`.execute(db);
    const after = cache.get(db, 'k', slow);
    expect(made).toBe(3);
    firstRelease();
    release();
    expect([await before, await after]).toEqual(['value 2', 'value 3']);
    // A failed read reaches every waiter, and the next request reads again.
    await sql`insert into notes (body) values ('z')`.execute(db);
    let fail = (_: Error) => {};
    const failing = () => new Promise<string>((_, reject) => (fail = reject));
    const waiting = [cache.get(db, 'k', failing), cache.get(db, 'k', failing)];
    fail(new Error('down'));
    for (const w of waiting) await expect(w).rejects.toThrow('down');
    expect(await cache.get(db, 'k', async () => 'again')).toBe('again');
  });

  it('never keeps a value made while its tables were being written (the stamp is read first)', async () => {
    const db = await open();
    const cache = new KeptResults<string>({ tables: ['notes'] });
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
    const cache = new KeptResults<string>({
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
    expect(cache.size(db)).toBe(2);
    expect(await cache.get(db, 'a', source.make)).toBe('value 2');
    expect(await cache.get(db, 'b', source.make)).toBe('value 5');
  });

  it('keeps values up to a total weight, and never one heavier than the whole budget', async () => {
    const db = await open();
    const cache = new KeptResults<number[]>({ tables: ['notes'], weigh: (ids) => ids.length, maxWeight: 5 });
    let made = 0;
    const list = (length: number) => async () => {
      made++;
      return Array.from({ length }, (_, i) => i);
    };
    await cache.get(db, 'three', list(3));
    await cache.get(db, 'two', list(2));
    expect(cache.size(db)).toBe(2);
    await cache.get(db, 'one', list(1));
    // Over the budget: the least recently used ('three') went.
    expect(cache.size(db)).toBe(2);
    await cache.get(db, 'six', list(6));
    expect(cache.size(db)).toBe(2);
    made = 0;
    await cache.get(db, 'two', list(2));
    await cache.get(db, 'one', list(1));
    expect(made).toBe(0);
    await cache.get(db, 'three', list(3));
    expect(made).toBe(1);
  });

  it('keeps the values of each database apart', async () => {
    const first = await open();
    const second = await open();
    const cache = new KeptResults<string>({ tables: ['notes'] });
    expect(await cache.get(first, 'k', async () => 'first')).toBe('first');
    expect(await cache.get(second, 'k', async () => 'second')).toBe('second');
    expect(await cache.get(first, 'k', async () => 'again')).toBe('first');
  });

  it('keeps nothing for a database handle whose writes are not tracked', async () => {
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    opened.push(db);
    const cache = new KeptResults<string>({ tables: ['notes'] });
    const source = counting();
    await cache.get(db, 'k', source.make);
    expect(await cache.get(db, 'k', source.make)).toBe('value 2');
    expect(cache.size(db)).toBe(0);
  });
});
