/**
 * In-process measures of the pathway suite (no HTTP): evaluating every candidate of the programme from
 * the database, the machine's own ceiling for it (the same rows read by the raw driver), and one
 * evaluation of a typical record against a trivial baseline.
 */
import SQLite from 'better-sqlite3';
import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import pg from 'pg';
import { type Dialect, dialectOf } from '../src/db/database.js';
import type { DB } from '../src/db/schema.js';
import type { Deps } from '../src/deps.js';
import { listExtensionFacts, listProgrammeFacts } from '../src/modules/pathway/pathway-facts.repository.js';
import { evaluatePathway } from '../src/modules/pathway/rules/evaluate.js';
import type { PathwayEvaluation } from '../src/modules/pathway/rules/evaluation.js';
import type { CandidateRecord } from '../src/modules/pathway/rules/record.js';
import type { PathwayRules } from '../src/modules/pathway/rules/rules.js';
import { evaluateProgramme, visitProgrammeEvaluations } from '../src/modules/pathway/standing.js';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

export interface EvaluateAllResult {
  candidates: number;
  /**
   * Each measured run of `visitProgrammeEvaluations` (load + evaluate every candidacy, each evaluation
   * handed to a consumer that tallies statuses, as a report or a refresh would), after one warm-up run.
   */
  runsMs: number[];
  medianMs: number;
  /** The same with every evaluation kept in a Map (`evaluateProgramme`), median. */
  keptMs: number;
  /** Candidates by status (from the last run), to show the work was done. */
  statuses: Record<string, number>;
  /** The loading part alone (the two statements through the repository, rows decoded), median. */
  loadMs: number;
  /** The ceiling: the same statements through the raw driver, rows as arrays, median. */
  rawMs: number;
  rawRows: number;
}

/**
 * The SQL and parameters the repository runs to load a programme's source records, captured from a
 * Kysely that compiles but does not execute (so the ceiling reads exactly the same rows and columns).
 */
async function loaderStatements(dialect: Dialect, programmeId: string): Promise<CompiledQuery[]> {
  const captured: CompiledQuery[] = [];
  const compiling = new Kysely<DB>({
    dialect:
      dialect === 'sqlite'
        ? {
            createAdapter: () => new SqliteAdapter(),
            createDriver: () => new DummyDriver(),
            createIntrospector: (db) => new SqliteIntrospector(db),
            createQueryCompiler: () => new SqliteQueryCompiler(),
          }
        : {
            createAdapter: () => new PostgresAdapter(),
            createDriver: () => new DummyDriver(),
            createIntrospector: (db) => new PostgresIntrospector(db),
            createQueryCompiler: () => new PostgresQueryCompiler(),
          },
    log: (event) => {
      captured.push(event.query);
    },
  });
  await loadProgramme(compiling, programmeId);
  await compiling.destroy();
  return captured;
}

/** What `visitProgrammeEvaluations` reads before evaluating (src/modules/pathway/standing.ts). */
async function loadProgramme(db: Deps['db'], programmeId: string) {
  await listProgrammeFacts(db, programmeId);
  await listExtensionFacts(db, { programmeId });
}

/** Each loading statement run alone through Kysely (rows as objects, not decoded), median of `runs`. */
export async function timeLoadingStatements(deps: Deps, programmeId: string, runs: number) {
  const dialect = dialectOf(deps.db);
  const timed: { name: string; ms: number; rows: number }[] = [];
  for (const statement of await loaderStatements(dialect, programmeId)) {
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run <= runs; run++) {
      const started = performance.now();
      rows = (await deps.db.executeQuery(statement)).rows.length;
      if (run > 0) times.push(performance.now() - started); // the first is a warm-up
    }
    timed.push({ name: statement.sql.replace(/\s+/g, ' ').slice(0, 90), ms: median(times), rows });
  }
  return timed;
}

/** Runs the statements through the raw driver (prepared once, rows as arrays); returns a timer. */
async function rawReader(dialect: Dialect, url: string, statements: CompiledQuery[]) {
  if (dialect === 'sqlite') {
    const db = new SQLite(url, { readonly: true });
    const prepared = statements.map((s) => ({
      statement: db.prepare(s.sql).raw(),
      parameters: s.parameters,
    }));
    return {
      read: async () => prepared.reduce((n, p) => n + p.statement.all(...p.parameters).length, 0),
      close: async () => db.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    read: async () => {
      let n = 0;
      for (const [index, s] of statements.entries()) {
        const result = await client.query({
          name: `bench-ceiling-${index}`,
          text: s.sql,
          values: [...s.parameters],
          rowMode: 'array',
        });
        n += result.rows.length;
      }
      return n;
    },
    close: () => client.end(),
  };
}

/** Evaluates every candidacy of the programme `runs` times (after a warm-up), and measures the ceiling. */
export async function measureEvaluateAll(
  deps: Deps,
  database: { dialect: Dialect; url: string },
  programmeId: string,
  today: string,
  runs: number,
): Promise<EvaluateAllResult> {
  const statuses: Record<string, number> = {};
  const tally = (_candidacy: unknown, evaluation: PathwayEvaluation) => {
    statuses[evaluation.status] = (statuses[evaluation.status] ?? 0) + 1;
  };
  let candidates = await visitProgrammeEvaluations(deps.db, programmeId, today, () => {}); // warm-up
  const runsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const status of Object.keys(statuses)) delete statuses[status];
    const started = performance.now();
    candidates = await visitProgrammeEvaluations(deps.db, programmeId, today, tally);
    runsMs.push(performance.now() - started);
  }
  const kept: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const all = await evaluateProgramme(deps.db, programmeId, today);
    kept.push(performance.now() - started);
    if (all.size !== candidates) throw new Error('bench: evaluateProgramme and the visit disagree');
  }
  const loads: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await loadProgramme(deps.db, programmeId);
    loads.push(performance.now() - started);
  }
  const reader = await rawReader(
    database.dialect,
    database.url,
    await loaderStatements(database.dialect, programmeId),
  );
  const raws: number[] = [];
  let rawRows = await reader.read(); // warm-up
  try {
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      rawRows = await reader.read();
      raws.push(performance.now() - started);
    }
  } finally {
    await reader.close();
  }
  return {
    candidates,
    runsMs,
    medianMs: median(runsMs),
    keptMs: median(kept),
    statuses,
    loadMs: median(loads),
    rawMs: median(raws),
    rawRows,
  };
}

export interface SingleEvaluationResult {
  /** Median µs of one `evaluatePathway` with the English explanation (as the dashboard and the CLI). */
  explainedUs: number;
  /** Median µs without the explanation text (as the bulk evaluation and the cached standings). */
  plainUs: number;
  /** Median µs of the baseline: a JSON round trip of the same record (JSON.parse(JSON.stringify(record))). */
  baselineUs: number;
}

const BATCH = 200;
const BATCHES = 301;

/** Median µs per call of `run`, timed in batches (a timer read costs about as much as a call). */
function medianMicroseconds(run: () => unknown): number {
  for (let i = 0; i < 5000; i++) run(); // warm-up: JIT and the rules' memoised compilation
  const perCall: number[] = [];
  for (let batch = 0; batch < BATCHES; batch++) {
    const started = performance.now();
    for (let i = 0; i < BATCH; i++) run();
    perCall.push(((performance.now() - started) * 1000) / BATCH);
  }
  return median(perCall);
}

export function measureSingleEvaluation(
  rules: PathwayRules,
  record: CandidateRecord,
  today: string,
): SingleEvaluationResult {
  let sink: unknown;
  return {
    baselineUs: medianMicroseconds(() => {
      sink = JSON.parse(JSON.stringify(record));
    }),
    explainedUs: medianMicroseconds(() => {
      sink = evaluatePathway(rules, record, today, { lang: 'en' });
    }),
    plainUs: medianMicroseconds(() => {
      sink = evaluatePathway(rules, record, today, { explain: false });
      return sink;
    }),
  };
}
