/**
 * The admissions suite (issue 5, "Performance and safety": the application form and the review queue stay
 * fast with 50,000 applications). A throw-away database with the demo and 50,000 synthetic applications
 * (admissions-data.ts); the real application in a child process, signed in through the real form; with
 * autocannon, each page against the bare ceiling at the same connection count: an applicant's form steps
 * (GET) and the save of a step (POST with the CSRF token, 303), the managers' review queue (default,
 * filtered by status and country, by eligibility, a deep page) and a reviewer's own queue.
 */
import { loadavg } from 'node:os';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { type Actor, systemActor } from '../src/kernel/actor.js';
import { listReviewQueue } from '../src/modules/admissions/review/review-queue.js';
import { DEMO_PASSWORD } from '../src/modules/identity/demo/demo-people.js';
import { listProgrammes } from '../src/modules/programmes/get-programme.js';
import { type AdmissionsData, generateAdmissionsData } from './admissions-data.js';
import { checkFormPost, type FormPost, measureFormPost, signInApplicant } from './admissions-load.js';
import { createBenchDatabase } from './bench-database.js';
import { loadLine, machineLine, runLine } from './catalogue-suite.js';
import { type BenchOptions, type SuiteHooks, seconds } from './options.js';
import {
  type BenchRow,
  loadRows,
  rowsTable,
  type ScenarioResult,
  type SuiteReport,
  scenarioDetails,
} from './report.js';
import { ceilingScenarios, checkPage, runScenarios, type Scenario } from './scenarios.js';
import { startServerChild } from './server-process.js';
import { signIn } from './sign-in.js';

const PREFIX = 'admissions: ';
const MANAGER_EMAIL = 'manager@example.org';
const ASSESSOR_EMAIL = 'assessor@example.org';
/** Applicants signed in for the save scenario (the sign-in form allows 20 a minute from one address). */
const SAVING_APPLICANTS = 8;
const DEEP_PAGE = 500;
const FILTER_COUNTRY = 'NG';

/** The "work" step as an applicant saves it; the draft then resumes at "education". */
const SAVE_WORK_STEP: FormPost = {
  path: (a) => `/my/applications/${a.applicationId}/steps/work`,
  fields: {
    constituency: 'workers',
    organisation: 'Trade Union Congress, migrant workers desk',
    position: 'Programme officer',
    yearsOfExperience: '7',
    after: 'next',
  },
  location: (a) => `/my/applications/${a.applicationId}/steps/education`,
};

export async function runAdmissionsSuite(options: BenchOptions, hooks: SuiteHooks): Promise<SuiteReport> {
  const { say } = hooks;
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const database = await createBenchDatabase(options.dialect, options.keep);
  hooks.onCleanup(() => database.drop());
  say(`Admissions bench database: ${database.label}${options.keep ? ' (kept after the run)' : ''}`);
  const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  const deps = await createDeps(loadConfig(env));
  hooks.onCleanup(() => deps.close());

  const data = await generateAdmissionsData(deps, options.applications, options.dialect);
  say(
    `Demo in ${seconds(data.demoMs)}; ${data.counts.applications} synthetic applications in ${seconds(data.writeMs)} ` +
      `(${statusList(data)}; ${data.counts.assignments} reviewer assignments, ${data.counts.scores} scores, ` +
      `${data.counts.decisions} decisions)` +
      (data.vacuumMs === null ? '.' : `; VACUUM ANALYZE ${seconds(data.vacuumMs)}.`),
  );
  const typical = data.drafts[0];
  if (!typical || data.drafts.length < SAVING_APPLICANTS + 1)
    throw new Error('bench data: too few drafts that reached the documents step');
  const queues = await queueScenarios(deps, data);

  const server = await startServerChild({ ...env, SHED_EVENT_LOOP_DELAY_MS: '0' });
  hooks.onCleanup(() => server.stop());
  say(`Server under test: ${server.origin} (child pid ${server.pid})`);
  const managerCookie = await signIn(server.origin, MANAGER_EMAIL, DEMO_PASSWORD);
  const assessorCookie = await signIn(server.origin, ASSESSOR_EMAIL, DEMO_PASSWORD);
  const applicantCookie = await signIn(server.origin, typical.email, DEMO_PASSWORD);
  const savers = [];
  for (const draft of data.drafts.slice(1, 1 + SAVING_APPLICANTS))
    savers.push(await signInApplicant(server.origin, draft, DEMO_PASSWORD, 'work'));

  const page = options.pageConnections;
  const step = (name: string, expect: string): Scenario => ({
    name: `applicant's form, step "${name}" of a draft`,
    path: `/my/applications/${typical.applicationId}/steps/${name}`,
    connections: page,
    expect,
    headers: { cookie: applicantCookie },
  });
  const pages: Scenario[] = [
    step('person', 'name="fullName"'),
    step('motivation', 'name="motivation"'),
    ...queues.map((q) => ({
      name: q.name,
      path: q.path,
      connections: page,
      expect: q.expect,
      headers: { cookie: q.reviewer ? assessorCookie : managerCookie },
    })),
  ];
  const scenarios = [
    ...ceilingScenarios(options, PREFIX),
    ...pages.map((p) => ({ ...p, name: `${PREFIX}${p.name} (${page} conn.)` })),
  ];
  for (const scenario of scenarios) await checkPage(server.origin, scenario);
  await checkFormPost(server.origin, SAVE_WORK_STEP, savers);
  const results = await runScenarios(server.origin, scenarios, options, say);
  const saveName = `${PREFIX}save the "work" step (POST, CSRF token, 303), ${SAVING_APPLICANTS} applicants (${page} conn.)`;
  say(`→ ${saveName}`);
  const saved = await measureFormPost(server.origin, SAVE_WORK_STEP, savers, {
    connections: page,
    duration: options.duration,
    warmup: options.warmup,
  });
  say(
    `  ${Math.round(saved.requestsPerSecond)} saves/s, p50 ${saved.p50Ms.toFixed(2)} ms, p99 ${saved.p99Ms.toFixed(2)} ms`,
  );
  results.push({
    name: saveName,
    path: `POST /my/applications/<id>/steps/work`,
    connections: page,
    ceiling: false,
    result: saved,
  });
  await server.stop();

  const rows = loadRows(results);
  const context = [
    machineLine(options.dialect),
    loadLine(options),
    dataLine(data),
    runLine({ elapsedMs: performance.now() - started, loadBefore, loadAfter: loadavg()[0]! }),
  ];
  return { suite: 'admissions', rows, markdown: renderSection(rows, context, results, data) };
}

function statusList(data: AdmissionsData): string {
  return Object.entries(data.counts.byStatus)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
}

/** The queue pages measured, each with the first application it must list (checked before measuring). */
async function queueScenarios(deps: Deps, data: AdmissionsData) {
  const manager = systemActor('bench');
  const assessor = await deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', ASSESSOR_EMAIL)
    .executeTakeFirstOrThrow();
  const reviewer: Actor = { kind: 'user', id: assessor.id, roles: ['assessor'], via: 'session' };
  // The default queue is the first programme's; name the demo programme when it is not the first.
  const [first] = await listProgrammes(deps.db, deps, manager);
  const programmeParam: Record<string, string> =
    first?.slug === data.programmeSlug ? {} : { programme: data.programmeSlug };
  const make = async (name: string, base: string, query: Record<string, string>, asReviewer = false) => {
    const queue = await listReviewQueue(
      deps.db,
      deps,
      asReviewer ? reviewer : manager,
      data.programmeSlug,
      query,
      {
        mine: asReviewer,
      },
    );
    const item = queue.items[0];
    if (!item) throw new Error(`bench data: the queue ${base} ${JSON.stringify(query)} is empty`);
    const search = new URLSearchParams({ ...programmeParam, ...query }).toString();
    return {
      name: `${name} (${queue.total.toLocaleString('en')} matches)`,
      path: search ? `${base}?${search}` : base,
      expect: `href="/manage/applications/${item.id}"`,
      reviewer: asReviewer,
      pageCount: queue.pageCount,
    };
  };
  const all = await make('review queue', '/manage/applications', {});
  const deep = String(Math.min(DEEP_PAGE, all.pageCount));
  return [
    all,
    await make(`review queue, submitted in ${FILTER_COUNTRY}`, '/manage/applications', {
      status: 'submitted',
      country: FILTER_COUNTRY,
    }),
    await make('review queue, not eligible', '/manage/applications', { eligibility: 'not-eligible' }),
    await make(`review queue, page ${deep}`, '/manage/applications', { page: deep }),
    await make("a reviewer's own queue /review", '/review', {}, true),
  ];
}

function dataLine(data: AdmissionsData): string {
  const c = data.counts;
  return (
    `Data: the demo (\`seedDemo\`, ${seconds(data.demoMs)}), then ${c.applications.toLocaleString('en')} synthetic ` +
    `applicants with one application each to the demo programme (seed 42): ${statusList(data)}; of the submitted, ` +
    `${c.eligible} eligible and ${c.notEligible} not (${c.overridden} overridden by a manager); ${c.reviewers} ` +
    `assessors, ${c.assignments} assignments (${c.demoAssessorAssignments} to ${ASSESSOR_EMAIL}), ${c.scores} ` +
    `scores, ${c.decisions} decisions; answers ${Math.round(c.answersBytes / c.applications)} bytes of JSON on ` +
    `average. Written in ${seconds(data.writeMs)} through the admissions repositories, ${2000} applications per ` +
    'transaction' +
    (data.vacuumMs === null ? '' : `, then \`VACUUM ANALYZE\` ${seconds(data.vacuumMs)}`) +
    '. Not written (shortcuts): uploaded files, audit events, notifications, candidacies of accepted applicants.'
  );
}

function renderSection(
  rows: BenchRow[],
  context: string[],
  results: ScenarioResult[],
  data: AdmissionsData,
): string {
  return [
    '## Admissions',
    '',
    ...context.map((line) => `- ${line}`),
    '',
    ...rowsTable(rows),
    '',
    'ratio: req/s ÷ ceiling req/s; for latency, ceiling p99 ÷ scenario p99 (1 = as fast as the bare route,',
    'lower = further from it). Each page is compared with the ceiling measured at its own connection count.',
    '',
    '### Scenario details',
    '',
    ...scenarioDetails(results),
    '',
    `The form pages are signed in as a synthetic applicant whose draft reached the documents step (the answers of`,
    `four steps saved); the queues as ${MANAGER_EMAIL} (every application of the programme that was submitted,`,
    `drafts never reach the staff) and ${ASSESSOR_EMAIL} (only the applications assigned to them:`,
    `${data.counts.demoAssessorAssignments} synthetic ones here). The save posts the "work" step of the form as`,
    `a browser does (the session cookie, the CSRF token of the applicant's own form, \`after=next\`) and counts`,
    `the 303 to the next step; each request is one of ${SAVING_APPLICANTS} signed-in applicants saving their own`,
    'draft (a transaction: the row locked, the answers merged and rewritten, an audit event).',
    '',
  ].join('\n');
}
