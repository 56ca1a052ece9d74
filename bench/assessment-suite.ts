/**
 * The assessment suite (issue 13, "Performance"): an edition with N submitted assignments (default 300,
 * `--people`; bench/assessment-data.ts), under load: the edition's marking list (the facilitator's overview of
 * every submission, blind) against the bare-Fastify ceiling (target ≥ 10 %) and every other assessment page
 * kind (a submission's marking page, the markers' submission page with its similarity check, a rubric, "My
 * marking", the participant's page with a released mark, the gradebook); then two timings in-process: the similarity check of N
 * ten-page submissions against each other (target < 60 s) and finalising N results with their certificates
 * queued (bench/results-finalise.ts, target < 10 s). The application runs as a child process.
 */
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { similarPairs } from '../src/modules/marking/similarity.js';
import type { TestDeps } from '../test/helpers/test-deps.js';
import { seedAssessment, syntheticSubmissions } from './assessment-data.js';
import { createBenchDatabase } from './bench-database.js';
import type { BenchOptions, SuiteHooks } from './options.js';
import { loadRows, rowsTable, type SuiteReport, scenarioDetails, timeRow } from './report.js';
import { measureFinalise } from './results-finalise.js';
import { ceilingScenarios, checkPage, runScenarios, type Scenario } from './scenarios.js';
import { startServerChild } from './server-process.js';
import { signInWhenReady } from './sign-in.js';

const PREFIX = 'assessment: ';
const PEOPLE = Number(process.env.BENCH_ASSESSMENT_PEOPLE ?? 300);
const PAGES = 10;

export { syntheticSubmissions };

export async function runAssessmentSuite(options: BenchOptions, hooks: SuiteHooks): Promise<SuiteReport> {
  const { say } = hooks;
  const database = await createBenchDatabase(options.dialect, options.keep);
  hooks.onCleanup(() => database.drop());
  say(`Assessment bench database: ${database.label}`);
  const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  const deps = (await createDeps(loadConfig(env))) as unknown as TestDeps;
  hooks.onCleanup(() => deps.close());

  say(`Seeding an edition with ${PEOPLE} submitted assignments…`);
  const data = await seedAssessment(deps, PEOPLE, say);

  // Measured without load shedding (as the spaces suite): a shared machine's lag must not refuse requests.
  const server = await startServerChild({ ...env, SHED_EVENT_LOOP_DELAY_MS: '0', SHED_MAX_IN_FLIGHT: '0' });
  hooks.onCleanup(() => server.stop());
  say(`Server under test: ${server.origin} (child pid ${server.pid})`);
  const cookie = await signInWhenReady(server.origin, data.facilitator.email, data.facilitator.password);
  const cookieOf = async (person: { email: string; password: string }) => ({
    cookie: await signInWhenReady(server.origin, person.email, person.password),
  });
  const page = (name: string, path: string, expect: string, headers: Record<string, string>): Scenario => ({
    name: `${PREFIX}${name}`,
    path,
    connections: options.pageConnections,
    expect,
    headers,
  });
  const staff = { cookie };
  const list = page(
    `marking list of ${PEOPLE} submissions (facilitator)`,
    `/marking/editions/${data.editionId}`,
    'P-0001',
    staff,
  );
  // Every other page kind of the assessment (issue 13), each signed in as who uses it.
  const pages = [
    page(
      'marking page of one submission (facilitator)',
      `/marking/submissions/${data.markingId}`,
      'P-0001',
      staff,
    ),
    page(
      `submission page for markers, similarity against ${PEOPLE} (facilitator)`,
      `/assignments/marking/${data.submissionId}`,
      'P-0001',
      staff,
    ),
    page('rubric page (facilitator)', `/marking/rubrics/${data.rubricId}`, 'Analysis of the sources', staff),
    page('my marking (assessor)', '/marking/my', 'P-0001', await cookieOf(data.assessor)),
    page(
      'assignment page with the released mark (participant)',
      `/assignments/${data.assignmentId}`,
      'Policy brief',
      await cookieOf(data.participant),
    ),
    page(`gradebook of ${PEOPLE} people (facilitator)`, `/results/${data.editionId}`, 'Gradebook', staff),
  ];
  for (const scenario of pages) await checkPage(server.origin, scenario);
  await checkPage(server.origin, list);
  const results = await runScenarios(
    server.origin,
    [...ceilingScenarios(options, PREFIX), list, ...pages],
    options,
    say,
  );
  await server.stop();

  say(`Similarity of ${PEOPLE} submissions of ${PAGES} pages…`);
  const texts = syntheticSubmissions(PEOPLE, PAGES);
  const started = performance.now();
  const pairs = similarPairs(texts);
  const similaritySeconds = (performance.now() - started) / 1000;
  say(`  ${pairs.length} similar pairs in ${similaritySeconds.toFixed(2)} s`);

  say(`Finalising ${PEOPLE} results…`);
  const finalise = await measureFinalise(options.dialect, PEOPLE);
  say(
    `  ${finalise.recorded} recorded, ${finalise.jobs} certificate jobs, ${(finalise.ms / 1000).toFixed(2)} s`,
  );

  const rows = [
    ...loadRows(results),
    timeRow(
      `${PREFIX}similarity of ${PEOPLE} × ${PAGES}-page submissions (budget 60 s)`,
      similaritySeconds,
      's',
      60,
    ),
    timeRow(
      `${PREFIX}finalising ${PEOPLE} results, certificates queued (budget 10 s)`,
      finalise.ms / 1000,
      's',
      10,
    ),
  ];
  const markdown = [
    '## Assessment',
    '',
    `An edition with ${PEOPLE} submitted assignments (second marking on). Targets (issue 13): the marking list`,
    '≥ 10 % of the bare-Fastify ceiling; the similarity check of 300 ten-page submissions < 60 s; finalising',
    '300 results (300 certificates queued) < 10 s. For the two timings the "ceiling" column is the budget and the',
    'ratio is budget ÷ time (above 1: within budget).',
    '',
    ...rowsTable(rows.filter((r) => !r.name.includes('ceiling'))),
    '',
    '### Scenario details',
    '',
    ...scenarioDetails(results),
    '',
  ].join('\n');
  return { suite: 'assessment', rows, markdown };
}
