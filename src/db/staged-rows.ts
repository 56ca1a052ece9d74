/**
 * Staged writes (docs/decisions/0010-staged-writes.md): the rows of a large all-or-nothing change are
 * written first into staging tables (`staged_<table>`: the table's columns, no keys or indexes but the
 * batch's), a few hundred rows per statement, each statement short, so that nothing holds SQLite's write
 * lock (or PostgreSQL's locks) for long; then one short transaction copies each staged table into its
 * table with one set-based `insert … select` and clears the batch. Until that copy commits nothing of the
 * change is visible, and a failure of the copy leaves every table as it was. Work lists that outlive the
 * swap (candidacies to re-evaluate) are staged as JSON chunks in `staged_rows`.
 */
import { type Kysely, sql } from 'kysely';
import { insertRows } from './bulk-insert.js';
import type { Executor } from './database.js';

/** The tables whose rows can be staged (each has its `staged_<table>` twin, migration 2026-12-07T2600). */
export const STAGEABLE_TABLES = ['enrolments', 'results', 'audit_events', 'jobs'] as const;
export type StageableTable = (typeof STAGEABLE_TABLES)[number];

/** Where staged rows belong: a batch (one attempt) of an owner (an import, whose attempts are cleared). */
export interface StagedBatch {
  id: string;
  owner: string;
}

/** The staging tables have no Kysely types of their own (their columns are their tables'). */
type StagingTables = Record<string, Record<string, unknown>>;

function untyped(db: Executor): Kysely<StagingTables> {
  return db as unknown as Kysely<StagingTables>;
}

/**
 * Stages rows of one table (objects with every column the copy writes, as the first row has them), up
 * to 2,000 per statement (`insertRows`);
 * outside a transaction each statement commits on its own.
 */
export async function stageRows(
  db: Executor,
  batch: StagedBatch,
  table: StageableTable,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  await insertRows(db, `staged_${table}`, Object.keys(rows[0]!), rows, {
    batch_id: batch.id,
    owner: batch.owner,
  });
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
  // `where` before `on conflict`: SQLite's parser needs it to tell the upsert from a join.
  const conflict = options.ignoreConflictOn
    ? sql` on conflict (${sql.id(options.ignoreConflictOn)}) do nothing`
    : sql``;
  const result =
    await sql`insert into ${sql.table(table)} (${list}) select ${list} from ${sql.table(`staged_${table}`)} where batch_id = ${batchId}${conflict}`.execute(
      db,
    );
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Forgets staged rows: a batch's (given up), or every batch of an owner (`keep`: a work list left alone).
 * Outside a transaction each table's delete commits on its own.
 */
export async function clearStagedRows(
  db: Executor,
  scope: { owner: string; keep?: string } | { batchId: string },
): Promise<void> {
  const [column, value] = 'owner' in scope ? ['owner', scope.owner] : ['batch_id', scope.batchId];
  for (const table of STAGEABLE_TABLES)
    await untyped(db).deleteFrom(`staged_${table}`).where(column, '=', value).execute();
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
