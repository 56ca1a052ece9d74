/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Staged writes (docs/decisions/0010-staged-writes.md, src/db/staged-rows.ts):
 * - `staged_<table>` for the tables a results import writes (places, results, audit events, jobs): the
 *   table's columns (copied from it: no keys, no indexes, no foreign keys) plus the batch and its owner;
 *   a later migration that adds a column to one of these tables adds it to its staged twin too (a test
 *   compares them);
 * - `staged_rows`: work lists staged with a change (a chunk of JSON values per row).
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';

const STAGED = ['enrolments', 'results', 'audit_events', 'jobs'];

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = !(db.getExecutor().adapter instanceof SqliteAdapter);
  for (const table of STAGED) {
    const staged = `staged_${table}`;
    if (postgres) await sql`create table ${sql.table(staged)} (like ${sql.table(table)})`.execute(db);
    else
      await sql`create table ${sql.table(staged)} as select * from ${sql.table(table)} where 0`.execute(db);
    await db.schema.alterTable(staged).addColumn('batch_id', 'text').execute();
    await db.schema.alterTable(staged).addColumn('owner', 'text').execute();
    await db.schema.createIndex(`${staged}_batch_idx`).on(staged).column('batch_id').execute();
    await db.schema.createIndex(`${staged}_owner_idx`).on(staged).column('owner').execute();
  }
  await db.schema
    .createTable('staged_rows')
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staged_rows_pk', ['batch_id', 'target', 'seq'])
    .execute();
  await db.schema.createIndex('staged_rows_owner_idx').on('staged_rows').column('owner').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staged_rows').execute();
  for (const table of STAGED) await db.schema.dropTable(`staged_${table}`).execute();
}
