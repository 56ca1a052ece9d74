/**
 * The assessment suite (issue 13, "Performance"): an edition with N submitted assignments (default 300,
 * `--people`), under load: the edition's marking list (the facilitator's overview of every submission, blind)
 * against the bare-Fastify ceiling (target ≥ 10 %); then two timings in-process: the similarity check of N
 * ten-page submissions against each other (target < 60 s) and finalising N results with their certificates
 * queued (bench/results-finalise.ts, target < 10 s). The application runs as a child process.
 */
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { systemActor } from '../src/kernel/actor.js';
import { createAssignment } from '../src/modules/assignments/save-assignment.js';
import { saveDraft } from '../src/modules/assignments/save-draft.js';
import { submitAssignment } from '../src/modules/assignments/submit-assignment.js';
import { similarPairs } from '../src/modules/marking/similarity.js';
import { enrolDirectly } from '../src/modules/places/enrol-directly.js';
import { buildCourse, buildEdition, buildPerson } from '../test/helpers/factories.js';
import { actorOf } from '../test/helpers/pathway-factories.js';
import type { TestDeps } from '../test/helpers/test-deps.js';
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
const WORDS_PER_PAGE = 500;

/** A deterministic pseudo-random text of `pages` pages; every tenth one copies a passage of the one before. */
export function syntheticSubmissions(count: number, pages = PAGES): Map<string, string> {
  // Letters only: the similarity check folds texts to words of letters (digits would all fold alike).
  const letters = (n: number) => {
    let word = '';
    for (let rest = n + 26 * 26; rest > 0; rest = Math.floor(rest / 26))
      word += String.fromCharCode(97 + (rest % 26));
    return word;
  };
  const vocabulary = Array.from({ length: 5000 }, (_, i) => letters((i * 7919) % 100_003));
  // mulberry32: integer arithmetic only (a float LCG loses precision and cycles).
  let seed = 42;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const texts = new Map<string, string>();
  let previous = '';
  for (let person = 0; person < count; person++) {
    const words = Array.from(
      { length: pages * WORDS_PER_PAGE },
      () => vocabulary[next() % vocabulary.length],
    );
    let text = words.join(' ');
    if (person % 10 === 9) text = `${previous.slice(0, previous.length / 2)} ${text.slice(text.length / 2)}`;
    texts.set(`P-${String(person + 1).padStart(4, '0')}`, text);
    previous = text;
  }
  return texts;
}

export async function runAssessmentSuite(options: BenchOptions, hooks: SuiteHooks): Promise<SuiteReport> {
  const { say } = hooks;
  const database = await createBenchDatabase(options.dialect, options.keep);
  hooks.onCleanup(() => database.drop());
  say(`Assessment bench database: ${database.label}`);
  const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  const deps = (await createDeps(loadConfig(env))) as unknown as TestDeps;
  hooks.onCleanup(() => deps.close());

  say(`Seeding an edition with ${PEOPLE} submitted assignments…`);
  const facilitator = await buildPerson(deps, { roles: ['facilitator'] });
  const course = await buildCourse(deps);
  const edition = await buildEdition(deps, course.code, {
    facilitatorIds: [facilitator.id],
    capacity: PEOPLE + 10,
  });
  const staff = actorOf(facilitator);
  const { id: assignmentId } = await createAssignment(deps.db, deps, staff, edition.id, {
    title: 'Policy brief',
    instructions: { en: 'Write a brief' },
    acceptsText: true,
    secondMarking: true,
  });
  for (let index = 0; index < PEOPLE; index++) {
    const person = await buildPerson(deps);
    await enrolDirectly(deps.db, deps, systemActor('bench'), edition.id, {
      email: person.email,
      fundingKind: 'self',
    });
    await saveDraft(deps.db, deps, actorOf(person), assignmentId, { text: `Brief ${index}`, declared: true });
    await submitAssignment(deps.db, deps, actorOf(person), assignmentId);
  }

  // Measured without load shedding (as the spaces suite): a shared machine's lag must not refuse requests.
  const server = await startServerChild({ ...env, SHED_EVENT_LOOP_DELAY_MS: '0', SHED_MAX_IN_FLIGHT: '0' });
  hooks.onCleanup(() => server.stop());
  say(`Server under test: ${server.origin} (child pid ${server.pid})`);
  const cookie = await signInWhenReady(server.origin, facilitator.email, facilitator.password);
  const list: Scenario = {
    name: `${PREFIX}marking list of ${PEOPLE} submissions (facilitator)`,
    path: `/marking/editions/${edition.id}`,
    connections: options.pageConnections,
    expect: 'P-0001',
    headers: { cookie },
  };
  await checkPage(server.origin, list);
  const results = await runScenarios(
    server.origin,
    [...ceilingScenarios(options, PREFIX), list],
    options,
    say,
  );
  await server.stop();

  say(`Similarity of ${PEOPLE} submissions of ${PAGES} pages…`);
  const texts = syntheticSubmissions(PEOPLE);
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
