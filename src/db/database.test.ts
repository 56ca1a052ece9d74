import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase, withStatementCache } from './database.js';

describe('the SQLite statement cache', () => {
  it('hands out the same prepared statement for the same SQL, and a fresh one while it is iterated', () => {
    const sqlite = new SQLite(':memory:');
    const cache = withStatementCache(sqlite, 2);
    const first = cache.prepare('select 1 as one');
    expect(cache.prepare('select 1 as one')).toBe(first);
    const iterating = first.iterate();
    iterating.next();
    const other = cache.prepare('select 1 as one');
    expect(other).not.toBe(first);
    expect(other.all()).toEqual([{ one: 1 }]);
    iterating.return?.();
    cache.close();
  });

  it('drops the least recently used statement beyond its size', () => {
    const sqlite = new SQLite(':memory:');
    const cache = withStatementCache(sqlite, 2);
    const a = cache.prepare('select 1');
    const b = cache.prepare('select 2');
    expect(cache.prepare('select 1')).toBe(a);
    cache.prepare('select 3');
    expect(cache.prepare('select 1')).toBe(a);
    expect(cache.prepare('select 2')).not.toBe(b);
    cache.close();
  });

  it('keeps answering correctly through Kysely when the schema changes under a kept statement', async () => {
    const database = createDatabase({ dialect: 'sqlite', filename: ':memory:' });
    const { db } = database;
    await sql`create table t (a integer)`.execute(db);
    await sql`insert into t (a) values (${1})`.execute(db);
    const read = () => sql<{ a: number }>`select * from t`.execute(db);
    expect((await read()).rows).toEqual([{ a: 1 }]);
    await sql`alter table t add column b text default 'x'`.execute(db);
    expect((await read()).rows).toEqual([{ a: 1, b: 'x' }]);
    await database.destroy();
  });
});
