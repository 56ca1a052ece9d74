/**
 * The catalogue suite: a throw-away database with the demo programme and a large catalogue, the
 * application in a child process, the ceiling route and the catalogue pages under load, and the
 * first-load transfer size of /courses.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import type { Dialect } from '../src/db/database.js';
import { ANONYMOUS } from '../src/kernel/actor.js';
import { searchCatalogue } from '../src/modules/catalogue/search-catalogue.js';
import { createBenchDatabase } from './bench-database.js';
import { type CatalogueSize, type GeneratedCatalogue, generateCatalogue } from './catalogue-data.js';
import { type BenchOptions, type SuiteHooks, seconds } from './options.js';
import { buildRows, renderCatalogueSection, type SuiteReport } from './report.js';
import { ceilingScenarios, checkPage, runScenarios, type Scenario } from './scenarios.js';
import { startServerChild } from './server-process.js';
import { measureFirstLoad } from './transfer.js';

export async function runCatalogueSuite(options: BenchOptions, hooks: SuiteHooks): Promise<SuiteReport> {
  const { say } = hooks;
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const database = await createBenchDatabase(options.dialect, options.keep);
  hooks.onCleanup(() => database.drop());
  say(`Catalogue bench database: ${database.label}${options.keep ? ' (kept after the run)' : ''}`);

  const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  const prepared = await prepareData(env, options.size, options.dialect);
  const { generated } = prepared;
  say(
    `Generated ${generated.courses} courses and ${generated.editions} editions in ${seconds(generated.timings.totalMs)} ` +
      `(demo seed ${seconds(generated.timings.demoMs)}, plan + validation ${seconds(generated.timings.planMs)}, ` +
      `one-transaction write ${seconds(generated.timings.writeMs)}); ` +
      `in total ${prepared.totals.courses} courses, ${prepared.totals.editions} editions.`,
  );

  const server = await startServerChild({ ...env, SHED_EVENT_LOOP_DELAY_MS: '0' });
  hooks.onCleanup(() => server.stop());
  say(`Server under test: ${server.origin} (child pid ${server.pid})`);

  const scenarios = buildScenarios(options, generated);
  for (const scenario of scenarios) await checkPage(server.origin, scenario);
  const firstLoad = await measureFirstLoad(server.origin, '/courses');
  const results = await runScenarios(server.origin, scenarios, options, say);
  await server.stop();

  const rows = buildRows(results, firstLoad);
  const context = contextLines(options, generated, prepared, {
    elapsedMs: performance.now() - started,
    loadBefore,
    loadAfter: loadavg()[0]!,
  });
  return {
    suite: 'catalogue',
    rows,
    markdown: renderCatalogueSection({ rows, scenarios: results, firstLoad, context }),
  };
}

function buildScenarios(options: BenchOptions, generated: GeneratedCatalogue): Scenario[] {
  const page = options.pageConnections;
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
  return [
    ...ceilingScenarios(options, '', { withMachineFigure: true }),
    ...pages.map((p) => ({ ...p, name: `${p.name} (${page} conn.)` })),
  ];
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
      (await searchCatalogue(deps.db, deps, ANONYMOUS, query)).total;
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

/** The first context line of every section: the machine, the date, the dialect. */
export function machineLine(dialect: Dialect): string {
  return (
    `Machine: node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
    `${process.platform} ${process.arch}; run ${new Date().toISOString()}; dialect **${dialect}**.`
  );
}

/** The load line of every section. */
export function loadLine(options: BenchOptions): string {
  const autocannonPackage = fileURLToPath(
    new URL('../node_modules/autocannon/package.json', import.meta.url),
  );
  const autocannonVersion = (JSON.parse(readFileSync(autocannonPackage, 'utf8')) as { version: string })
    .version;
  return (
    `Load: autocannon ${autocannonVersion} in the parent process over 127.0.0.1, ${options.warmup} s warm-up + ` +
    `${options.duration} s measured per scenario; pages at ${options.pageConnections} connections, each ` +
    `compared with the bare ceiling measured at the same count in the same suite (the catalogue suite also ` +
    `measures it at ${options.connections}, the machine's figure); ` +
    'the server runs in a child process with LOG_LEVEL=silent.'
  );
}

/** The run-time line of every section. */
export function runLine(run: { elapsedMs: number; loadBefore: number; loadAfter: number }): string {
  return (
    `Suite run time (until this report): ${seconds(run.elapsedMs)}; 1-minute load average ` +
    `${run.loadBefore.toFixed(2)} before, ${run.loadAfter.toFixed(2)} after (on ${availableParallelism()} cores: ` +
    'the bench itself keeps about 2 busy; more means other work shared the machine and the figures are low).'
  );
}

function contextLines(
  options: BenchOptions,
  generated: GeneratedCatalogue,
  prepared: Awaited<ReturnType<typeof prepareData>>,
  run: { elapsedMs: number; loadBefore: number; loadAfter: number },
): string[] {
  const { size } = options;
  const { totals, matches } = prepared;
  return [
    machineLine(options.dialect),
    loadLine(options),
    `Data: ${totals.courses} courses and ${totals.editions} editions (${generated.courses} and ${generated.editions} ` +
      `generated with seed ${size.seed}, the rest from the demo programme); generated in ` +
      `${seconds(generated.timings.totalMs)} (demo seed ${seconds(generated.timings.demoMs)}, plan + validation ` +
      `${seconds(generated.timings.planMs)}, one-transaction write ${seconds(generated.timings.writeMs)}).`,
    `Matching courses: catalogue ${matches.catalogue}, filtered ${matches.filtered}, search "migration" ${matches.search}; ` +
      `course page ${generated.sampleCourse.code} has ${generated.sampleCourse.editions} editions.`,
    runLine(run),
  ];
}
