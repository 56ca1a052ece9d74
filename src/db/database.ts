import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** What every repository function takes first: the database or a transaction on it. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  destroy(): Promise<void>;
}

/** Where the database lives, as parsed from DATABASE_URL. */
export type DatabaseTarget =
  | { dialect: 'sqlite'; filename: string }
  | { dialect: 'postgres'; connectionString: string };

/** Reads DATABASE_URL: a `postgres://` URL, a `sqlite:` URL, `:memory:` or a plain file path. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', connectionString: url };
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    return { dialect: 'sqlite', filename: rest || ':memory:' };
  }
  return { dialect: 'sqlite', filename: url };
}

/** Opens the database; SQLite gets WAL, foreign keys, a busy timeout and NORMAL sync. */
export function createDatabase(target: DatabaseTarget, options: { poolSize?: number } = {}): Database {
  if (target.dialect === 'sqlite') {
    if (target.filename !== ':memory:') mkdirSync(dirname(target.filename), { recursive: true });
    const sqlite = new SQLite(target.filename);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, dialect: 'sqlite', destroy: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.connectionString, max: options.poolSize ?? 10 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', destroy: () => db.destroy() };
}

/** How many prepared statements a SQLite database keeps (least recently used dropped first). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite database as Kysely's driver sees it, with its prepared statements kept by SQL text: the driver
 * prepares every query anew, which cost about a tenth of a list page (the SQL a page runs is the same on
 * every request, only the parameters change). A statement still being iterated (a streamed query) is
 * never handed out twice: a fresh one is prepared instead. SQLite re-prepares a kept statement itself
 * when the schema changes.
 */
export function withStatementCache(
  sqlite: SQLite.Database,
  size = STATEMENT_CACHE_SIZE,
): { prepare(sql: string): SQLite.Statement; close(): void } {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      const kept = statements.get(sql);
      if (kept) {
        if (kept.busy) return sqlite.prepare(sql);
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value as string);
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}

/** The engine behind an executor (for the few places where SQL must differ, all in `db/`). */
export function dialectOf(executor: Executor): Dialect {
  return executor.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}
