/**
 * Queries built and compiled once, run many times: Kysely builds an operation tree and compiles it to SQL on
 * every call, which cost 10–20 % of a page's CPU time (a signed-in page runs the same handful of fixed
 * statements on every request: the session, the roles, the unread count, the page's own). `reusableQuery`
 * builds the query once per engine with placeholders for its arguments, keeps the SQL and the order of its
 * parameters, and then only fills the parameters in.
 *
 * The builder must use its arguments as values only (`.where('id', '=', id)`), never to decide the shape of
 * the query (no `if (arg)`, no `arg ?? x`, no lists for `in`): the placeholders it receives are opaque.
 * A query whose shape varies stays an ordinary Kysely query.
 */
import { type Compilable, CompiledQuery } from 'kysely';
import type { Executor } from './database.js';

/** A placeholder for the builder's argument at `index` (compared by identity when the SQL is kept). */
class Argument {
  constructor(readonly index: number) {}
}

interface Kept {
  sql: string;
  /** Each parameter: the caller's argument at that index, or a constant of the query. */
  parameters: readonly (Argument | unknown)[];
}

/**
 * A function running `build`'s query with the caller's arguments; the SQL is made once per engine (the
 * executor's adapter: `?` for SQLite, `$1` for PostgreSQL).
 */
export function reusableQuery<A extends readonly unknown[], R>(
  build: (db: Executor, ...args: A) => Compilable<R>,
): (db: Executor, ...args: A) => Promise<R[]> {
  const byAdapter = new Map<unknown, Kept>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter.constructor;
    let kept = byAdapter.get(adapter);
    if (!kept) {
      const placeholders = args.map((_value, index) => new Argument(index)) as unknown as A;
      const compiled = build(db, ...placeholders).compile();
      const used = new Set(compiled.parameters.flatMap((p) => (p instanceof Argument ? [p.index] : [])));
      if (used.size !== args.length)
        throw new Error(
          `reusableQuery: the query uses ${used.size} of its ${args.length} arguments as values`,
        );
      kept = { sql: compiled.sql, parameters: compiled.parameters };
      byAdapter.set(adapter, kept);
    }
    const parameters = kept.parameters.map((p) => (p instanceof Argument ? args[p.index] : p));
    const result = await db.executeQuery<R>(CompiledQuery.raw(kept.sql, parameters) as CompiledQuery<R>);
    return result.rows;
  };
}
