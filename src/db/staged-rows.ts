/**
 * Staged writes (docs/decisions/0010-staged-writes.md): the rows of a large all-or-nothing change are
 * written first into staging tables made for the batch (`stage_<batch>_<table>`: the table's columns, no
 * keys, no indexes), a few thousand rows per statement, each statement short, so that nothing holds
 * SQLite's write lock (or PostgreSQL's locks) for long; then one short transaction copies each staging
 * table into its table with one set-based `insert … select`. Until that copy commits nothing of the change
 * is visible, and a failure of the copy leaves every table as it was. The staging tables are dropped
 * after the swap (no row deleted one by one); each is listed in `staged_rows` before it is made, so what
 * a crashed attempt left is dropped with its owner's next clearing. Work lists that outlive the swap
 * (candidacies to re-evaluate) are staged as JSON chunks in `staged_rows`.
 */
import { sql } from 'kysely';
import { insertRows } from './bulk-insert.js';
import { dialectOf, type Executor } from './database.js';

/** The tables whose rows can be staged. */
export const STAGEABLE_TABLES = ['enrolments', 'results', 'audit_events', 'jobs'] as const;
export type StageableTable = (typeof STAGEABLE_TABLES)[number];

/** Where staged rows belong: a batch (one attempt) of an owner (an import, whose attempts are cleared). */
export interface StagedBatch {
  id: string;
  owner: string;
}

/** The `staged_rows` target that lists a batch's staging tables (one row per table, its name as JSON). */
const STAGING_TABLES_TARGET = 'staging-tables';

/** Pure: the name of a batch's staging table of `table` (the batch id is a UUID made by the code). */
export function stagingTableName(batchId: string, table: StageableTable): string {
  return `stage_${batchId.replace(/-/g, '').toLowerCase()}_${table}`;
}

/**
 * Makes the batch's staging tables (empty, the columns of their tables), each listed in `staged_rows`
 * first so that a crash leaves nothing unlisted. Outside a transaction each statement commits on its own.
 * On PostgreSQL they are unlogged (nothing staged needs to survive a crash: the commit stages again).
 */
export async function createStagingTables(
  db: Executor,
  batch: StagedBatch,
  tables: readonly StageableTable[],
  now: string,
): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  for (const [seq, table] of tables.entries()) {
    const name = stagingTableName(batch.id, table);
    await db
      .insertInto('staged_rows')
      .values({
        batch_id: batch.id,
        owner: batch.owner,
        target: STAGING_TABLES_TARGET,
        seq,
        rows_json: JSON.stringify(name),
        created_at: now,
      })
      .execute();
    if (postgres) await sql`create unlogged table ${sql.table(name)} (like ${sql.table(table)})`.execute(db);
    else await sql`create table ${sql.table(name)} as select * from ${sql.table(table)} where 0`.execute(db);
  }
}

/**
 * Stages rows of one table into the batch's staging table (objects with every column the copy writes, as
 * the first row has them), up to 2,000 per statement (`insertRows`); outside a transaction each statement
 * commits on its own.
 */
export async function stageRows(
  db: Executor,
  batch: StagedBatch,
  table: StageableTable,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  await insertRows(db, stagingTableName(batch.id, table), Object.keys(rows[0]!), rows);
}

/**
 * Copies a batch's staged rows of one table into it, in one statement (inside the swap's transaction).
 * `columns`: those the staged rows carry. `ignoreConflictOn`: a unique column whose conflicts leave the
 * existing row alone (idempotent jobs); any other conflict fails the copy. Returns the rows inserted.
 */
export async function copyStagedRows(
  db: Executor,
  batchId: string,
  table: StageableTable,
  columns: readonly string[],
  options: { ignoreConflictOn?: string } = {},
): Promise<number> {
  if (columns.length === 0) return 0;
  const list = sql.join(columns.map((c) => sql.id(c)));
  // `where true` before `on conflict`: SQLite's parser needs it to tell the upsert from a join.
  const conflict = options.ignoreConflictOn
    ? sql` where true on conflict (${sql.id(options.ignoreConflictOn)}) do nothing`
    : sql``;
  const result =
    await sql`insert into ${sql.table(table)} (${list}) select ${list} from ${sql.table(stagingTableName(batchId, table))}${conflict}`.execute(
      db,
    );
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Forgets staged rows: a batch's (given up), or every batch of an owner (`keep`: a work list left alone).
 * The staging tables are dropped (one statement each, whatever their size). Outside a transaction each
 * statement commits on its own.
 */
export async function clearStagedRows(
  db: Executor,
  scope: { owner: string; keep?: string } | { batchId: string },
): Promise<void> {
  const [column, value] = 'owner' in scope ? ['owner', scope.owner] : ['batch_id', scope.batchId];
  const listed = await db
    .selectFrom('staged_rows')
    .select('rows_json')
    .where(column as 'owner', '=', value)
    .where('target', '=', STAGING_TABLES_TARGET)
    .execute();
  for (const row of listed)
    await sql`drop table if exists ${sql.table(JSON.parse(row.rows_json) as string)}`.execute(db);
  let lists = db.deleteFrom('staged_rows').where(column as 'owner', '=', value);
  if ('keep' in scope && scope.keep) lists = lists.where('target', '<>', scope.keep);
  await lists.execute();
}

/** Stages a work list (plain values) as JSON chunks of `chunk` values, numbered from 0. */
export async function stageList(
  db: Executor,
  batch: StagedBatch,
  target: string,
  values: readonly unknown[],
  options: { chunk: number; now: string },
): Promise<void> {
  for (let start = 0, seq = 0; start < values.length; start += options.chunk, seq++)
    await db
      .insertInto('staged_rows')
      .values({
        batch_id: batch.id,
        owner: batch.owner,
        target,
        seq,
        rows_json: JSON.stringify(values.slice(start, start + options.chunk)),
        created_at: options.now,
      })
      .execute();
}

/** The staged chunks of a work list of an owner, in order. */
export async function listStagedChunks(db: Executor, scope: { owner: string }, target: string) {
  const rows = await db
    .selectFrom('staged_rows')
    .select(['batch_id', 'seq', 'rows_json'])
    .where('owner', '=', scope.owner)
    .where('target', '=', target)
    .orderBy('batch_id')
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    batchId: row.batch_id,
    seq: row.seq,
    values: JSON.parse(row.rows_json) as unknown[],
  }));
}

/** Forgets one chunk of a work list (once done). */
export async function deleteStagedChunk(db: Executor, batchId: string, target: string, seq: number) {
  await db
    .deleteFrom('staged_rows')
    .where('batch_id', '=', batchId)
    .where('target', '=', target)
    .where('seq', '=', seq)
    .execute();
}
