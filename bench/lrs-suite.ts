/**
 * The LRS suite (issue 12, "Performance"): xAPI statements posted over HTTP in batches of 100 (Basic
 * credentials, every statement checked, indexed and stored through the real route and use case), against
 * the ceiling of a raw insert of the same rows (statements and their query index) through the driver,
 * in transactions of 100 rows, rolled back. The application runs in a child process on 127.0.0.1 (as in the
 * other suites: the load does not share its event loop, and its resident memory is reported).
 */
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { systemActor } from '../src/kernel/actor.js';
import { newId } from '../src/kernel/ids.js';
import { createLrsCredential } from '../src/modules/lrs/lrs-credentials.js';
import type { JsonObject } from '../src/modules/lrs/xapi-statement.js';
import { indexEntries } from '../src/modules/lrs/xapi-statement-index.js';
import { createBenchDatabase } from './bench-database.js';
import type { BenchOptions, SuiteHooks } from './options.js';
import { rateRow, type SuiteReport } from './report.js';
import { startServerChild } from './server-process.js';

const BATCH = 100;
const STATEMENTS = 20_000;

function statement(i: number): JsonObject {
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', mbox: `mailto:learner-${i % 300}@example.org`, name: `Learner ${i % 300}` },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
    object: {
      objectType: 'Activity',
      id: `https://example.org/activities/module-${i % 40}`,
      definition: { name: { en: `Module ${i % 40}` } },
    },
    result: { score: { scaled: (i % 100) / 100 }, success: i % 3 !== 0, completion: true },
    context: {
      registration: randomUUID(),
      contextActivities: { parent: [{ id: 'https://example.org/activities/course' }] },
    },
    timestamp: new Date(Date.UTC(2026, 11, 1) + i * 1000).toISOString(),
  };
}

/** The raw ceiling: the same statement and index rows inserted through the driver, 100 per transaction. */
async function rawInsert(
  dialect: 'sqlite' | 'postgres',
  url: string,
  statements: JsonObject[],
): Promise<number> {
  const rows = statements.map((s) => {
    const id = randomUUID();
    return {
      row: [
        id,
        newId(),
        new Date().toISOString(),
        String(s.timestamp),
        JSON.stringify({ ...s, id }),
        'v',
        null,
        0,
        null,
        'c',
      ],
      index: indexEntries(s).map((e) => [id, e.kind, e.value, e.direct ? 1 : 0]),
    };
  });
  const insertStatement =
    'insert into lrs_statements (id, seq, stored, timestamp, statement_json, verb_id, registration, is_voided, voids_id, credential_id) values ';
  const insertIndex = 'insert into lrs_statement_index (statement_id, kind, value, direct) values ';
  if (dialect === 'sqlite') {
    const db = new SQLite(url);
    const s = db.prepare(`${insertStatement}(?,?,?,?,?,?,?,?,?,?)`);
    const x = db.prepare(`${insertIndex}(?,?,?,?)`);
    const started = performance.now();
    for (let i = 0; i < rows.length; i += BATCH) {
      db.exec('begin');
      for (const r of rows.slice(i, i + BATCH)) {
        s.run(...r.row);
        for (const e of r.index) x.run(...e);
      }
      db.exec('rollback');
    }
    const ms = performance.now() - started;
    db.close();
    return ms;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) {
    await client.query('begin');
    const batch = rows.slice(i, i + BATCH);
    const params = batch.flatMap((r) => r.row);
    await client.query(
      insertStatement +
        batch
          .map((_r, j) => `(${Array.from({ length: 10 }, (_v, k) => `$${j * 10 + k + 1}`).join(',')})`)
          .join(','),
      params,
    );
    const index = batch.flatMap((r) => r.index);
    await client.query(
      insertIndex +
        index.map((_r, j) => `($${j * 4 + 1},$${j * 4 + 2},$${j * 4 + 3},$${j * 4 + 4})`).join(','),
      index.flat(),
    );
    await client.query('rollback');
  }
  const ms = performance.now() - started;
  await client.end();
  return ms;
}

export async function runLrsSuite(options: BenchOptions, hooks: SuiteHooks): Promise<SuiteReport> {
  const { say } = hooks;
  const database = await createBenchDatabase(options.dialect, options.keep);
  hooks.onCleanup(() => database.drop());
  say(`LRS bench database: ${database.label}`);
  const env = {
    DATABASE_URL: database.url,
    DATA_DIR: database.dataDir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    // Load shedding off: on a shared, loaded machine it would answer 503 to measured requests.
    SHED_EVENT_LOOP_DELAY_MS: '0',
    SHED_MAX_IN_FLIGHT: '0',
  };
  const deps = await createDeps(loadConfig(env));
  hooks.onCleanup(() => deps.close());
  // The credential before the server starts: it reads a database another process has finished writing.
  const { key, secret } = await createLrsCredential(deps.db, deps, systemActor('bench'), { name: 'bench' });
  const server = await startServerChild(env);
  hooks.onCleanup(() => server.stop());
  const address = server.origin;
  const headers = {
    authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
    'x-experience-api-version': '1.0.3',
    'content-type': 'application/json',
  };
  const statements = Array.from({ length: STATEMENTS }, (_v, i) => statement(i));
  const post = async (batch: JsonObject[]) => {
    const response = await fetch(`${address}/xapi/statements`, {
      method: 'POST',
      headers,
      body: JSON.stringify(batch),
    });
    if (response.status !== 200)
      throw new Error(`LRS bench: POST answered ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  // Warm-up: one batch not measured.
  await post(Array.from({ length: BATCH }, (_v, i) => statement(STATEMENTS + i)));
  const started = performance.now();
  for (let i = 0; i < statements.length; i += BATCH) await post(statements.slice(i, i + BATCH));
  const postMs = performance.now() - started;
  const rawMs = await rawInsert(options.dialect, database.url, statements);
  const rate = (STATEMENTS / postMs) * 1000;
  const ceiling = (STATEMENTS / rawMs) * 1000;
  say(
    `LRS: ${STATEMENTS} statements in batches of ${BATCH}: ${Math.round(rate)}/s (raw insert ${Math.round(ceiling)}/s)`,
  );
  const rows = [rateRow('lrs: statements posted in batches of 100', rate, 'statements/s', ceiling)];
  const markdown = [
    '## LRS (xAPI statements)',
    '',
    `${STATEMENTS} statements POSTed to /xapi/statements over HTTP in batches of ${BATCH} (Basic credentials,`,
    'validation, query index, one transaction per batch), against a raw driver insert of the same statement',
    'and index rows in transactions of 100 (rolled back). Target (issue 12): ≥ 1,000 statements/s on SQLite.',
    '',
    `| measure | value | raw ceiling | ratio |`,
    '| --- | --- | --- | --- |',
    `| statements/s | ${Math.round(rate)} | ${Math.round(ceiling)} | ${(rate / ceiling).toFixed(3)} |`,
    '',
  ].join('\n');
  return { suite: 'lrs', rows, markdown };
}
