/**
 * Which tables have changed, as seen by this process: a counter per table, moved on every committed write
 * that goes through the database handle (`trackTableWrites` wraps the Kysely driver). Caches of rendered
 * read-mostly pages (`src/db/kept-results.ts`) keep the counters of the tables they read and are
 * stale as soon as one of them moves. Writes made by another process are not seen here: those caches also
 * expire after a short time (see docs/decisions, "Rendered fragments kept per table revision").
 */
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult } from 'kysely';

/** Every table: a write whose table cannot be read from its SQL (DDL, a CTE that writes) moves all. */
const EVERY_TABLE = '*';

/** Statements that never change a table (reads and transaction control). */
const READ_ONLY = /^\s*(?:select|pragma|explain|begin|commit|rollback|savepoint|release|set|show|values)\b/i;
/** The table a single-table write changes (Kysely's SQL and the hand-written statements alike). */
const WRITE_TARGET =
  /^\s*(?:insert\s+(?:or\s+\w+\s+)?into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+(?:"([^"]+)"|([A-Za-z_]\w*))/i;

/** Pure: the table a statement writes, `*` when it may write any (unknown shape), null for a read. */
export function writtenTable(sql: string): string | null {
  if (sql.startsWith('select') || READ_ONLY.test(sql)) return null;
  const match = WRITE_TARGET.exec(sql);
  if (!match) return EVERY_TABLE;
  const name = match[1] ?? match[2] ?? EVERY_TABLE;
  // `insert into "schema"."table"` is not written by the platform; a dotted name counts as any table.
  return sql.charAt(match.index + match[0].length) === '.' ? EVERY_TABLE : name;
}

/** The counters; `stamp` gives the state of a set of tables, equal as long as none of them changed. */
export class TableRevisions {
  private readonly counters = new Map<string, number>();
  private everything = 0;

  /** Moves the counters of these tables (after their change is committed). */
  changed(tables: Iterable<string>): void {
    for (const table of tables) {
      if (table === EVERY_TABLE) this.everything++;
      else this.counters.set(table, (this.counters.get(table) ?? 0) + 1);
    }
  }

  /** A value that changes whenever one of `tables` (or every table) changes. */
  stamp(tables: readonly string[]): string {
    let out = String(this.everything);
    for (const table of tables) out += `.${this.counters.get(table) ?? 0}`;
    return out;
  }
}

/** A connection as handed out by the wrapped driver: the tables written in its open transaction. */
interface Tracked extends DatabaseConnection {
  readonly inner: DatabaseConnection;
  pending: Set<string> | null;
}

/**
 * Wraps a dialect so that every write reaches `revisions`: at once outside a transaction, at commit inside
 * one (a rolled-back transaction changed nothing). Reads cost one test of the SQL's first word.
 */
export function trackTableWrites(dialect: Dialect, revisions: TableRevisions): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => trackingDriver(dialect.createDriver(), revisions),
  };
}

function trackingDriver(driver: Driver, revisions: TableRevisions): Driver {
  const inner = (connection: DatabaseConnection) => (connection as Tracked).inner;
  const wrapped: Driver = {
    init: () => driver.init(),
    destroy: () => driver.destroy(),
    async acquireConnection() {
      const connection = await driver.acquireConnection();
      const tracked: Tracked = {
        inner: connection,
        pending: null,
        async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
          const result = await connection.executeQuery<R>(query);
          const table = writtenTable(query.sql);
          if (table !== null) {
            if (tracked.pending) tracked.pending.add(table);
            else revisions.changed([table]);
          }
          return result;
        },
        streamQuery<R>(query: CompiledQuery, chunkSize?: number) {
          const table = writtenTable(query.sql);
          if (table !== null) revisions.changed([table]);
          return connection.streamQuery<R>(query, chunkSize);
        },
      };
      return tracked;
    },
    releaseConnection: (connection) => driver.releaseConnection(inner(connection)),
    async beginTransaction(connection, settings) {
      await driver.beginTransaction(inner(connection), settings);
      (connection as Tracked).pending = new Set();
    },
    async commitTransaction(connection) {
      const tracked = connection as Tracked;
      try {
        await driver.commitTransaction(tracked.inner);
      } finally {
        // Even when the commit fails its outcome is unknown to the caches: count the tables as changed.
        if (tracked.pending) revisions.changed(tracked.pending);
        tracked.pending = null;
      }
    },
    async rollbackTransaction(connection) {
      (connection as Tracked).pending = null;
      await driver.rollbackTransaction(inner(connection));
    },
  };
  if (driver.savepoint) {
    const savepoint = driver.savepoint.bind(driver);
    wrapped.savepoint = (connection, name, compile) => savepoint(inner(connection), name, compile);
  }
  if (driver.rollbackToSavepoint) {
    const rollbackTo = driver.rollbackToSavepoint.bind(driver);
    wrapped.rollbackToSavepoint = (connection, name, compile) => rollbackTo(inner(connection), name, compile);
  }
  if (driver.releaseSavepoint) {
    const release = driver.releaseSavepoint.bind(driver);
    wrapped.releaseSavepoint = (connection, name, compile) => release(inner(connection), name, compile);
  }
  return wrapped;
}
