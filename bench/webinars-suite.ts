/**
 * The webinars suite (issue 12, "Performance": a page item for a participant ≥ 10 % of the bare-Fastify
 * ceiling): the demo's next Academy (A9012027) with its webinars, a participant with a confirmed place
 * (carlos.nunez@example.org) signed in, and under load: the webinar item page (its session in their time
 * zone, the join state, their attendance, the materials) and the edition's public iCalendar feed, each
 * against the ceiling route measured at the same number of connections. The application runs as a child.
 */
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { findEditionIdByCode } from '../src/modules/catalogue/find-ids.js';
import { itemsOfKind } from '../src/modules/spaces/spaces.queries.js';
import { DEMO_ATTENDANCE_EDITION } from '../src/modules/webinars/demo/seed-webinars.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createBenchDatabase } from './bench-database.js';
import type { BenchOptions, SuiteHooks } from './options.js';
import { loadRows, rowsTable, type SuiteReport, scenarioDetails } from './report.js';
import { ceilingScenarios, checkPage, runScenarios, type Scenario } from './scenarios.js';
import { startServerChild } from './server-process.js';
import { signIn } from './sign-in.js';

const PARTICIPANT = 'carlos.nunez@example.org';
const DEMO_PASSWORD = 'diploma-demo-2026';
const PREFIX = 'webinars: ';

/** Signs in, waiting out the load shedding of a freshly started child on a busy machine (503). */
async function signInPatiently(origin: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signIn(origin, PARTICIPANT, DEMO_PASSWORD);
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000 * attempt));
    }
  }
}

export async function runWebinarsSuite(options: BenchOptions, hooks: SuiteHooks): Promise<SuiteReport> {
  const { say } = hooks;
  const database = await createBenchDatabase(options.dialect, options.keep);
  hooks.onCleanup(() => database.drop());
  say(`Webinars bench database: ${database.label}`);
  const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  const deps = await createDeps(loadConfig(env));
  hooks.onCleanup(() => deps.close());
  await seedDemo(deps);
  const editionId = await findEditionIdByCode(deps.db, deps, DEMO_ATTENDANCE_EDITION);
  const [webinar] = editionId ? await itemsOfKind(deps.db, 'webinar', [editionId]) : [];
  const [page] = editionId ? await itemsOfKind(deps.db, 'page', [editionId]) : [];
  if (!editionId || !webinar || !page) throw new Error('webinars bench: the demo has no webinar in A9012027');

  // Load shedding off, as in the spaces suite: on a shared, loaded machine it answers 503 to measured requests.
  const server = await startServerChild({ ...env, SHED_EVENT_LOOP_DELAY_MS: '0', SHED_MAX_IN_FLIGHT: '0' });
  hooks.onCleanup(() => server.stop());
  say(`Server under test: ${server.origin} (child pid ${server.pid})`);
  const cookie = await signInPatiently(server.origin);
  const pages: Scenario[] = [
    {
      name: `${PREFIX}webinar item page (participant)`,
      path: `/spaces/${editionId}/items/${webinar.id}`,
      connections: options.pageConnections,
      expect: 'class="webinar"',
      headers: { cookie },
    },
    {
      // For comparison: a page item of the same space, the same frame without the webinar's body.
      name: `${PREFIX}page item (participant, for comparison)`,
      path: `/spaces/${editionId}/items/${page.id}`,
      connections: options.pageConnections,
      expect: 'class="prose',
      headers: { cookie },
    },
    {
      name: `${PREFIX}edition calendar (public .ics)`,
      path: `/editions/${editionId}/calendar.ics`,
      connections: options.pageConnections,
      expect: 'BEGIN:VEVENT',
    },
  ];
  for (const page of pages) await checkPage(server.origin, page);
  const results = await runScenarios(
    server.origin,
    [...ceilingScenarios(options, PREFIX), ...pages],
    options,
    say,
  );
  const rows = loadRows(results);
  const markdown = [
    '## Webinars',
    '',
    `The demo's ${DEMO_ATTENDANCE_EDITION} Academy (two webinars, attendance recorded), signed in as ${PARTICIPANT}`,
    '(a confirmed place). Target (issue 12): a page item for a participant ≥ 10 % of the bare-Fastify ceiling.',
    '',
    ...rowsTable(rows.filter((r) => !r.name.includes('ceiling'))),
    '',
    '### Scenario details',
    '',
    ...scenarioDetails(results),
    '',
  ].join('\n');
  return { suite: 'webinars', rows, markdown };
}
