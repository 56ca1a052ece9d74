/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. `lrs_statements.target_id`: the statement a StatementRef object points at, so
 * that a query's filters also match statements whose target matches them (xAPI 1.0.3 Communication 2.1.3).
 * Filled in for the statements already stored.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('lrs_statements').addColumn('target_id', 'text').execute();
  await db.schema.createIndex('lrs_statements_target_idx').on('lrs_statements').column('target_id').execute();
  const rows: { id: string; statement_json: string }[] = await db
    .selectFrom('lrs_statements')
    .select(['id', 'statement_json'])
    .where('statement_json', 'like', '%StatementRef%')
    .execute();
  for (const row of rows) {
    const object = (JSON.parse(row.statement_json) as { object?: { objectType?: unknown; id?: unknown } })
      .object;
    if (object?.objectType !== 'StatementRef' || typeof object.id !== 'string') continue;
    await db
      .updateTable('lrs_statements')
      .set({ target_id: object.id.toLowerCase() })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('lrs_statements_target_idx').execute();
  await db.schema.alterTable('lrs_statements').dropColumn('target_id').execute();
}
