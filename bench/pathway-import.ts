/**
 * The import scenario of the pathway suite: a results file of N rows for the synthetic candidates,
 * through the real use cases and jobs (upload, check, preview, commit: people enrolled where needed,
 * every result written and audited, the standings of everyone concerned re-evaluated), against the
 * ceiling of a raw batch insert of the same enrolment and result rows (one transaction, prepared
 * statement, rolled back).
 */
import SQLite from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import type { Dialect } from '../src/db/database.js';
import type { Deps } from '../src/deps.js';
import { runJobsUntilIdle } from '../src/jobs/runner.js';
import { systemActor } from '../src/kernel/actor.js';
import { newId } from '../src/kernel/ids.js';
import { commitImport } from '../src/modules/pathway/import/import-commit.js';
import { IMPORT_COLUMNS } from '../src/modules/pathway/import/import-format.js';
import { commitImportJob, validateImportJob } from '../src/modules/pathway/import/import-jobs.js';
import { uploadImport } from '../src/modules/pathway/import/import-upload.js';
import { getImport } from '../src/modules/pathway/import/import-view.js';
import type { ResultRow } from '../src/modules/pathway/pathway.tables.js';
import type { EnrolmentRow } from '../src/modules/places/places.tables.js';

/**
 * Only the import's own jobs run here: committing results queues other modules' work (a course
 * certificate to issue per new result, with its PDF and email), which is not the import's cost and would
 * take far longer than the import itself.
 */
const IMPORT_JOBS = [validateImportJob, commitImportJob];

export interface ImportPlan {
  csv: Buffer;
  rows: number;
  editionRows: number;
  legacyRows: number;
  /** The rows the import writes, for the raw ceiling. */
  enrolments: EnrolmentRow[];
  results: ResultRow[];
}

export interface ImportResult {
  rows: number;
  uploadMs: number;
  checkMs: number;
  commitMs: number;
  totalMs: number;
  /** The raw batch insert of the same enrolment and result rows. */
  rawMs: number;
  rawRows: number;
  report: { newResults: number; enrolments: number; candidaciesRefreshed: number };
}

const actor = systemActor('bench-import');

/**
 * Plans `count` rows for the synthetic candidates (`scale-…` emails), spread over them: nine in ten a
 * Certificate of Achievement in a past edition of a programme course the person is not enrolled in
 * (the import enrols them), one in ten a legacy certificate from 2019. No row repeats a result, so each
 * writes a new one.
 */
export async function planImport(deps: Deps, programmeId: string, count: number, today: string) {
  const people = await deps.db
    .selectFrom('users')
    .innerJoin('candidacies', 'candidacies.user_id', 'users.id')
    .select(['users.id', 'users.email'])
    .where('candidacies.programme_id', '=', programmeId)
    .where('users.email', 'like', 'scale-%')
    .orderBy('users.email')
    .execute();
  const editions = await deps.db
    .selectFrom('editions')
    .innerJoin('programme_courses', 'programme_courses.course_id', 'editions.course_id')
    .innerJoin('courses', 'courses.id', 'editions.course_id')
    .select(['editions.id', 'editions.course_id', 'editions.ends_on', 'courses.code as course_code'])
    .where('programme_courses.programme_id', '=', programmeId)
    .where('editions.status', '=', 'scheduled')
    .where('editions.ends_on', '<', today)
    .where('courses.credential_on_success', '=', 'achievement')
    .orderBy('editions.starts_on')
    .execute();
  if (people.length === 0 || editions.length === 0) throw new Error('bench import: no people or editions');
  const enrolled = new Set(
    (
      await deps.db
        .selectFrom('enrolments')
        .innerJoin('users', 'users.id', 'enrolments.user_id')
        .select(['enrolments.edition_id', 'enrolments.user_id'])
        .where('users.email', 'like', 'scale-%')
        .execute()
    ).map((e) => `${e.edition_id}|${e.user_id}`),
  );
  const now = deps.clock.now().toISOString();
  const csvRows: string[][] = [];
  const enrolments: EnrolmentRow[] = [];
  const results: ResultRow[] = [];
  let legacyRows = 0;
  for (let i = 0; i < count; i++) {
    const person = people[i % people.length]!;
    const round = Math.floor(i / people.length);
    const result = (
      courseId: string,
      enrolmentId: string | null,
      completedOn: string,
      reference: string | null,
    ) =>
      results.push({
        id: newId(),
        user_id: person.id,
        course_id: courseId,
        enrolment_id: enrolmentId,
        outcome: 'achievement',
        grade: 'B',
        started_on: null,
        completed_on: completedOn,
        source: 'import',
        reference,
        recorded_by: null,
        created_at: now,
        updated_at: now,
      });
    if (i % 10 === 0) {
      // A legacy certificate: a different course or day each round, so never the same result twice.
      const edition = editions[(i + round) % editions.length]!;
      const completedOn = `2019-0${1 + (round % 9)}-1${round % 10}`;
      csvRows.push([person.email, edition.course_code, '', 'achievement', 'B', '', completedOn, `L-${i}`]);
      result(edition.course_id, null, completedOn, `L-${i}`);
      legacyRows += 1;
      continue;
    }
    let edition = editions[(i * 7 + round) % editions.length]!;
    for (let step = 1; enrolled.has(`${edition.id}|${person.id}`) && step <= editions.length; step++)
      edition = editions[(i * 7 + round + step) % editions.length]!;
    if (enrolled.has(`${edition.id}|${person.id}`)) continue;
    enrolled.add(`${edition.id}|${person.id}`);
    csvRows.push([
      person.email,
      edition.course_code,
      edition.id,
      'achievement',
      'B',
      '',
      edition.ends_on,
      '',
    ]);
    const enrolmentId = newId();
    enrolments.push({
      id: enrolmentId,
      edition_id: edition.id,
      user_id: person.id,
      status: 'enrolled',
      created_at: now,
      updated_at: now,
    });
    result(edition.course_id, enrolmentId, edition.ends_on, null);
  }
  const csv = Buffer.from(stringify([[...IMPORT_COLUMNS], ...csvRows]));
  return {
    csv,
    rows: csvRows.length,
    editionRows: csvRows.length - legacyRows,
    legacyRows,
    enrolments,
    results,
  } satisfies ImportPlan;
}

function insertSql(table: string, columns: string[], rows: number, dialect: Dialect): string {
  let n = 0;
  const tuple = () => `(${columns.map(() => (dialect === 'sqlite' ? '?' : `$${++n}`)).join(', ')})`;
  return `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, tuple).join(', ')}`;
}

/**
 * The ceiling: the same enrolment and result rows inserted by the raw driver in one transaction, rolled
 * back (so the import that follows finds the database as it was). SQLite: one prepared single-row INSERT
 * per table, run for every row (the fastest way with better-sqlite3); PostgreSQL: multi-row INSERTs of
 * 500 rows.
 */
export async function measureRawInsert(dialect: Dialect, url: string, plan: ImportPlan): Promise<number> {
  const tables = [
    { name: 'enrolments', rows: plan.enrolments as unknown as Record<string, unknown>[] },
    { name: 'results', rows: plan.results as unknown as Record<string, unknown>[] },
  ];
  if (dialect === 'sqlite') {
    const db = new SQLite(url);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    try {
      const started = performance.now();
      db.exec('begin');
      for (const { name, rows } of tables) {
        const columns = Object.keys(rows[0] ?? {});
        const insert = db.prepare(insertSql(name, columns, 1, 'sqlite'));
        for (const row of rows) insert.run(...columns.map((c) => row[c]));
      }
      const elapsed = performance.now() - started;
      db.exec('rollback');
      return elapsed;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('begin');
    for (const { name, rows } of tables) {
      const columns = Object.keys(rows[0] ?? {});
      for (let i = 0; i < rows.length; i += 500) {
        const batch = rows.slice(i, i + 500);
        await client.query(
          insertSql(name, columns, batch.length, 'postgres'),
          batch.flatMap((row) => columns.map((c) => row[c])),
        );
      }
    }
    const elapsed = performance.now() - started;
    await client.query('rollback');
    return elapsed;
  } finally {
    await client.end();
  }
}

/**
 * Uploads the file, runs the check job, commits, runs the commit job; times each step. `probe`: started
 * just before the commit and stopped after it (profile-import.ts's concurrent writer).
 */
export async function measureImport(
  deps: Deps,
  plan: ImportPlan,
  probe?: (importId: string) => Promise<() => Promise<unknown>>,
) {
  const started = performance.now();
  const { id } = await uploadImport(deps.db, deps, actor, { fileName: 'bench-results.csv', bytes: plan.csv });
  const uploaded = performance.now();
  await runJobsUntilIdle(deps, IMPORT_JOBS);
  const checked = performance.now();
  const preview = await getImport(deps.db, deps, actor, id, { maxProblems: 3 });
  if (preview.status !== 'previewed' || preview.errorCount > 0)
    throw new Error(
      `bench import: ${preview.status} with ${preview.errorCount} problems, e.g. ${JSON.stringify(preview.problems)}`,
    );
  const stopProbe = probe ? await probe(id) : null;
  await commitImport(deps.db, deps, actor, id);
  await runJobsUntilIdle(deps, IMPORT_JOBS);
  const committed = performance.now();
  const probed = stopProbe ? await stopProbe() : null;
  const done = await getImport(deps.db, deps, actor, id);
  if (done.status !== 'committed' || !done.report) throw new Error(`bench import: ended ${done.status}`);
  const queued = await deps.db
    .selectFrom('jobs')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('status', '=', 'pending')
    .where('created_at', '>=', new Date(Date.now() - (performance.now() - started) - 1000).toISOString())
    .executeTakeFirstOrThrow();
  return {
    queuedJobs: Number(queued.n),
    uploadMs: uploaded - started,
    checkMs: checked - uploaded,
    commitMs: committed - checked,
    totalMs: committed - started,
    probed,
    report: {
      newResults: done.report.newResults,
      enrolments: done.report.enrolments,
      candidaciesRefreshed: done.report.candidaciesRefreshed,
    },
  };
}
