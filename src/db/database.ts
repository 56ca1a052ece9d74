import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  type Dialect as KyselyDialect,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { TableRevisions, trackTableWrites } from './table-revisions.js';

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

/** How the database is opened. */
export interface DatabaseOptions {
  /** Most PostgreSQL connections of this process (default 10). */
  poolSize?: number;
  /** The name PostgreSQL shows for these connections (pg_stat_activity.application_name). */
  applicationName?: string;
  /** The PostgreSQL schema to use (tests give each database its own). */
  searchPath?: string;
  /** Told when a PostgreSQL connection is lost (the server restarted, a failover, a terminated backend). */
  onConnectionError?: (error: Error) => void;
}

/** How long a request waits for a PostgreSQL connection before it fails (then 503, see isDatabaseUnavailable). */
export const CONNECT_TIMEOUT_MS = 5000;

/**
 * Opens the database; SQLite gets WAL, foreign keys, a busy timeout and NORMAL sync. A PostgreSQL
 * connection that is lost never takes the process down: pg emits an `error` event on the pool (an idle
 * connection) or on the client (one in use), which would crash the process without a listener. Both are
 * listened to; the query in flight fails (the request answers 503), the pool drops the dead connection
 * when it is released, and the next query opens a fresh one.
 */
export function createDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Database {
  if (target.dialect === 'sqlite') {
    if (target.filename !== ':memory:') mkdirSync(dirname(target.filename), { recursive: true });
    const sqlite = new SQLite(target.filename);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const db = tracked(new SqliteDialect({ database: withStatementCache(sqlite) }));
    return { db, dialect: 'sqlite', destroy: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'diploma-platform',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    options: connectionSettings(options.searchPath),
  });
  const lost = options.onConnectionError ?? (() => {});
  pool.on('error', (error) => lost(error));
  pool.on('connect', (client) => {
    client.on('error', (error) => lost(error));
  });
  const db = tracked(new PostgresDialect({ pool }));
  return { db, dialect: 'postgres', destroy: () => db.destroy() };
}

/**
 * The settings of every PostgreSQL connection: no JIT compilation (the server's default compiles any
 * statement whose estimated cost passes `jit_above_cost` to machine code, which on this application's
 * statements costs far more than it saves: 0.9–1.1 s of compilation in the 100,000-candidate bulk
 * evaluation's statement on the bench machine; the lists' statements stay below the threshold), and the
 * tests' schema.
 */
function connectionSettings(searchPath?: string): string {
  return `-c jit=off${searchPath ? ` -c search_path=${searchPath}` : ''}`;
}

/** The table revisions of each database opened here (their writes move the counters). */
const REVISIONS = new WeakMap<object, TableRevisions>();

function tracked(dialect: KyselyDialect): Kysely<DB> {
  const revisions = new TableRevisions();
  const db = new Kysely<DB>({ dialect: trackTableWrites(dialect, revisions) });
  REVISIONS.set(db, revisions);
  return db;
}

/**
 * Which of this database's tables changed, as seen by this process (null for a handle not opened by
 * `createDatabase`: nothing may then be cached on its revisions). A transaction maps to its database.
 */
export function tableRevisionsOf(db: Executor): TableRevisions | null {
  return REVISIONS.get(db) ?? null;
}

/** PostgreSQL SQLSTATEs of a lost or refused connection: class 08, the server shutting down or full. */
const UNAVAILABLE_SQLSTATES = /^(?:08...|57P0[123]|53300)$/;
/** Socket errors of a database that cannot be reached. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
]);
/** pg's own errors for a lost connection or a full pool carry no code, only these messages. */
const UNAVAILABLE_PG_MESSAGES =
  /^(?:Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed and is not queryable)/;

/**
 * True when an error means the database cannot be used just now (a lost or refused PostgreSQL
 * connection, no free connection in time, SQLite still locked after its busy timeout), rather than a
 * fault of the request or of the code: the request answers 503 with Retry-After.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    if (code === 'SQLITE_BUSY') return true;
  }
  return UNAVAILABLE_PG_MESSAGES.test(error.message);
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
