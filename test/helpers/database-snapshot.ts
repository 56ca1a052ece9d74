import { sql } from 'kysely';
import type { TestDeps } from './test-deps.js';

/** Every table of a test database (on PostgreSQL, of its own schema only; search shadows left out). */
export async function tableNames(deps: TestDeps): Promise<string[]> {
  const schema =
    deps.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(deps.db)).rows[0]?.schema
      : undefined;
  return (await deps.db.introspection.getTables())
    .filter((t) => !schema || t.schema === schema)
    .map((t) => t.name)
    .filter((name) => !name.startsWith('course_search_') && !name.startsWith('sqlite_'));
}

/**
 * Everything a request could change, as one comparable string: the rows of every table and the mails sent
 * (to prove that a refused request changed nothing).
 */
export async function databaseSnapshot(deps: TestDeps): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of await tableNames(deps)) {
    const rows = await deps.db
      .selectFrom(table as 'users')
      .selectAll()
      .execute();
    tables[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return JSON.stringify({ tables, mails: deps.mailer.sent.length });
}
