/**
 * `npm run bench [-- --dialect postgres] [--duration 10] [--warmup 2] [--connections 50]
 * [--page-connections 10] [--courses 1000] [--editions 10000] [--seed 42] [--keep]`
 *
 * Builds a throw-away database with the demo programme and a large catalogue, starts the application in
 * a child process on 127.0.0.1, measures the ceiling route and the catalogue pages with autocannon from
 * this process, measures the first-load transfer size of /courses, and writes bench/results/latest.json
 * and latest.md. The child, the temporary directory and the PostgreSQL database are removed even when
 * the run fails or is interrupted. Never part of `npm test`.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import type { Dialect } from '../src/db/database.js';
import { ANONYMOUS } from '../src/kernel/actor.js';
import { searchCatalogue } from '../src/modules/catalogue/search-catalogue.js';
import { createBenchDatabase } from './bench-database.js';
import { type CatalogueSize, type GeneratedCatalogue, generateCatalogue } from './catalogue-data.js';
import { type LoadOptions, measure } from './load.js';
import { CEILING_PATH } from './protocol.js';
import { buildRows, renderMarkdown, type ScenarioResult, writeResults } from './report.js';
import { startServerChild } from './server-process.js';
import { measureFirstLoad } from './transfer.js';
import { UsageError } from './usage-error.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

interface Scenario {
  name: string;
  path: string;
  connections: number;
  /** Text the page must contain before it is measured (so a 200 of the wrong page is caught). */
  expect: string;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      dialect: { type: 'string', default: 'sqlite' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      'page-connections': { type: 'string', default: '10' },
      courses: { type: 'string', default: '1000' },
      editions: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '42' },
      keep: { type: 'boolean', default: false },
    },
  });
  const whole = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  if (values.dialect !== 'sqlite' && values.dialect !== 'postgres')
    throw new UsageError('--dialect must be sqlite or postgres');
  return {
    dialect: values.dialect as Dialect,
    duration: whole('duration', values.duration, 1),
    warmup: whole('warmup', values.warmup, 0),
    /** For the ceiling route. */
    connections: whole('connections', values.connections, 1),
    /** For the application's pages (see README: fewer keeps their p99 about the page, not the queue). */
    pageConnections: whole('page-connections', values['page-connections'], 1),
    size: {
      courses: whole('courses', values.courses, 1),
      editions: whole('editions', values.editions, 1),
      seed: whole('seed', values.seed, 0),
    } satisfies CatalogueSize,
    keep: values.keep,
  };
}

/** Everything to undo, newest first; runs once whether the run ends, fails or is interrupted. */
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const undo of cleanups.reverse()) {
      try {
        await undo();
      } catch (error) {
        process.stderr.write(`cleanup: ${(error as Error).message}\n`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the server and removing the bench database…\n`);
    void cleanUp().then(() => process.exit(130));
  });
}

const say = (text: string) => process.stdout.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const options = parseOptions();
  const database = await createBenchDatabase(options.dialect, options.keep);
  cleanups.push(() => database.drop());
  say(`Bench database: ${database.label}${options.keep ? ' (kept after the run)' : ''}`);

  const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  const prepared = await prepareData(env, options.size, options.dialect);
  const { generated } = prepared;
  say(
    `Generated ${generated.courses} courses and ${generated.editions} editions in ${seconds(generated.timings.totalMs)} ` +
      `(demo seed ${seconds(generated.timings.demoMs)}, plan + validation ${seconds(generated.timings.planMs)}, ` +
      `one-transaction write ${seconds(generated.timings.writeMs)}); ` +
      `in total ${prepared.totals.courses} courses, ${prepared.totals.editions} editions.`,
  );

  const server = await startServerChild(env);
  cleanups.push(() => server.stop());
  say(`Server under test: ${server.origin} (child pid ${server.pid})`);

  const scenarios = buildScenarios(options, generated);
  for (const scenario of scenarios) await checkPage(server.origin, scenario);
  const firstLoad = await measureFirstLoad(server.origin, '/courses');

  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    say(`→ ${scenario.name} ${scenario.path}`);
    const load: LoadOptions = {
      connections: scenario.connections,
      duration: options.duration,
      warmup: options.warmup,
    };
    const result = await measure(server.origin + scenario.path, load);
    say(
      `  ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms` +
        (result.errors || result.timeouts ? `, ${result.errors} errors, ${result.timeouts} timeouts` : ''),
    );
    results.push({ ...scenario, ceiling: scenario.path === CEILING_PATH, result });
  }
  await server.stop();

  const rows = buildRows(results, firstLoad);
  const context = contextLines(options, generated, prepared, {
    elapsedMs: performance.now() - started,
    loadBefore,
    loadAfter: loadavg()[0]!,
  });
  const markdown = renderMarkdown({ rows, scenarios: results, firstLoad, context });
  const written = writeResults(RESULTS_DIR, options.dialect, rows, markdown);
  say(`\n${markdown}`);
  say(`Written: ${written.join(', ')}`);
  say(`Bench run time: ${seconds(performance.now() - started)}`);
}

/**
 * The bare ceiling at `--connections` (the machine's figure), and again at `--page-connections` when that
 * differs, so every page is compared with a ceiling measured at its own concurrency.
 */
function buildScenarios(options: ReturnType<typeof parseOptions>, generated: GeneratedCatalogue): Scenario[] {
  const page = options.pageConnections;
  const ceilings = [...new Set([options.connections, page])].map((connections) => ({
    name: `ceiling (${connections} conn.)`,
    path: CEILING_PATH,
    connections,
    expect: 'bench ceiling',
  }));
  const { code } = generated.sampleCourse;
  const pages = [
    { name: 'catalogue page', path: '/courses', connections: page, expect: 'href="/courses/' },
    {
      name: 'filtered catalogue',
      path: '/courses?theme=rights&language=fr&open=1',
      connections: page,
      expect: 'href="/courses/',
    },
    { name: 'full-text search', path: '/courses?q=migration', connections: page, expect: 'href="/courses/' },
    { name: 'course page', path: `/courses/${code}`, connections: page, expect: code },
    { name: 'edition page', path: `/editions/${generated.sampleEditionId}`, connections: page, expect: code },
  ];
  return [...ceilings, ...pages.map((p) => ({ ...p, name: `${p.name} (${page} conn.)` }))];
}

/** Migrates and fills the database in this process, then closes it before the server opens it. */
async function prepareData(env: Record<string, string>, size: CatalogueSize, dialect: Dialect) {
  const deps = await createDeps(loadConfig(env));
  try {
    const generated = await generateCatalogue(deps, size);
    // PostgreSQL's autovacuum would analyse the new rows within a minute, maybe in the middle of a
    // scenario: do it now so every scenario runs on the same plans. (The app never ANALYZEs SQLite.)
    if (dialect === 'postgres') await sql`analyze`.execute(deps.db);
    const count = async (table: 'courses' | 'editions') =>
      Number(
        (
          await deps.db
            .selectFrom(table)
            .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const matches = async (query: Record<string, string>) =>
      (await searchCatalogue(deps, ANONYMOUS, query)).total;
    return {
      generated,
      totals: { courses: await count('courses'), editions: await count('editions') },
      matches: {
        catalogue: await matches({}),
        filtered: await matches({ theme: 'rights', language: 'fr', open: '1' }),
        search: await matches({ q: 'migration' }),
      },
    };
  } finally {
    await deps.close();
  }
}

async function checkPage(origin: string, scenario: Scenario): Promise<void> {
  const response = await fetch(origin + scenario.path, { signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(scenario.expect))
    throw new Error(
      `${scenario.name}: ${scenario.path} answered ${response.status} without "${scenario.expect}"; not measured`,
    );
}

function contextLines(
  options: ReturnType<typeof parseOptions>,
  generated: GeneratedCatalogue,
  prepared: Awaited<ReturnType<typeof prepareData>>,
  run: { elapsedMs: number; loadBefore: number; loadAfter: number },
): string[] {
  const autocannonPackage = fileURLToPath(
    new URL('../node_modules/autocannon/package.json', import.meta.url),
  );
  const autocannonVersion = (JSON.parse(readFileSync(autocannonPackage, 'utf8')) as { version: string })
    .version;
  const { size } = options;
  const { totals, matches } = prepared;
  return [
    `Machine: node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `${process.platform} ${process.arch}; run ${new Date().toISOString()}; dialect **${options.dialect}**.`,
    `Load: autocannon ${autocannonVersion} in the parent process over 127.0.0.1, ${options.warmup} s warm-up + ` +
      `${options.duration} s measured per scenario; ceiling at ${options.connections} connections, pages at ` +
      `${options.pageConnections} (each page is compared with the ceiling at its own connection count); ` +
      'the server runs in a child process with LOG_LEVEL=silent.',
    `Data: ${totals.courses} courses and ${totals.editions} editions (${generated.courses} and ${generated.editions} ` +
      `generated with seed ${size.seed}, the rest from the demo programme); generated in ` +
      `${seconds(generated.timings.totalMs)} (demo seed ${seconds(generated.timings.demoMs)}, plan + validation ` +
      `${seconds(generated.timings.planMs)}, one-transaction write ${seconds(generated.timings.writeMs)}).`,
    `Matching courses: catalogue ${matches.catalogue}, filtered ${matches.filtered}, search "migration" ${matches.search}; ` +
      `course page ${generated.sampleCourse.code} has ${generated.sampleCourse.editions} editions.`,
    `Bench run time (until this report): ${seconds(run.elapsedMs)}; 1-minute load average ` +
      `${run.loadBefore.toFixed(2)} before, ${run.loadAfter.toFixed(2)} after (on ${availableParallelism()} cores: ` +
      'the bench itself keeps about 2 busy; more means other work shared the machine and the figures are low).',
  ];
}

try {
  await main();
} catch (error) {
  const usage =
    error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  const text = usage ? (error as Error).message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`\nbench failed: ${text}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
