/**
 * Many rows into one table, fast: the statement's SQL is made once per table, columns and row count
 * (kept here; on SQLite the driver's statement cache then reuses the prepared statement) and only the
 * values are handed to the driver. Building a Kysely `insertInto().values()` of thousands of rows made
 * and compiled an operation tree of every value: most of an import's time in staging its rows.
 */
import { CompiledQuery } from 'kysely';
import { dialectOf, type Executor } from './database.js';

/** Values per statement: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const VALUES_PER_STATEMENT = 30_000;
/** Rows per statement at most (PostgreSQL plans a long VALUES list slowly). */
const ROWS_PER_STATEMENT = 2000;

const statements = new Map<string, string>();

function insertSql(table: string, columns: readonly string[], rows: number, postgres: boolean): string {
  const key = `${postgres ? 'p' : 's'}|${table}|${columns.join(',')}|${rows}`;
  const kept = statements.get(key);
  if (kept) return kept;
  const width = columns.length;
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const marks: string[] = [];
    for (let c = 1; c <= width; c++) marks.push(postgres ? `$${r * width + c}` : '?');
    tuples.push(`(${marks.join(', ')})`);
  }
  const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`;
  if (statements.size > 200) statements.clear();
  statements.set(key, text);
  return text;
}

/**
 * Inserts rows (plain objects) into `table`: the values of `columns` from each row (missing: null),
 * then those of `constants` (the same for every row), in statements of equal size but the last; inside
 * the caller's transaction if it has one. Table and column names come from the code, never from input.
 */
export async function insertRows(
  db: Executor,
  table: string,
  columns: readonly string[],
  rows: readonly object[],
  constants: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  const extra = Object.values(constants);
  const all = [...columns, ...Object.keys(constants)];
  if (rows.length === 0 || all.length === 0) return;
  const postgres = dialectOf(db) === 'postgres';
  const per = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(VALUES_PER_STATEMENT / all.length)));
  for (let start = 0; start < rows.length; start += per) {
    const end = Math.min(rows.length, start + per);
    const values: unknown[] = new Array((end - start) * all.length);
    let v = 0;
    for (let r = start; r < end; r++) {
      const row = rows[r] as Record<string, unknown>;
      for (const column of columns) values[v++] = row[column] ?? null;
      for (const value of extra) values[v++] = value;
    }
    await db.executeQuery(CompiledQuery.raw(insertSql(table, all, end - start, postgres), values));
  }
}
