/**
 * The roleplays suite (issue 14, "Performance": a role-play page ≥ 10 % of the bare-Fastify ceiling): the
 * demo's next Academy (A9012027) with its role-play and case study, signed in as participant@example.org
 * (who holds the origin ministry's role), and under load: the role-play item page (scenario, seven roles,
 * the holder's private brief, phases, the outcome document and its history) and the case item page, each
 * against the ceiling route measured at the same number of connections. The application runs as a child.
 */
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { findEditionIdByCode } from '../src/modules/catalogue/find-ids.js';
import { DEMO_ROLEPLAY_EDITION } from '../src/modules/roleplays/demo/seed-roleplays.js';
import { itemsOfKind } from '../src/modules/spaces/spaces.queries.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createBenchDatabase } from './bench-database.js';
import type { BenchOptions, SuiteHooks } from './options.js';
import { loadRows, rowsTable, type SuiteReport, scenarioDetails } from './report.js';
import { ceilingScenarios, checkPage, runScenarios, type Scenario } from './scenarios.js';
import { startServerChild } from './server-process.js';
import { signIn } from './sign-in.js';

const HOLDER = 'participant@example.org';
const PREFIX = 'roleplays: ';

/** Signs the holder in, retrying while a freshly started child sheds load (503) on a busy machine. */
async function signInHolder(origin: string, attempts = 5): Promise<string> {
  let last: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await signIn(origin, HOLDER, 'diploma-demo-2026');
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 1500 * (attempt + 1)));
    }
  }
  throw last;
}

export async function runRoleplaysSuite(options: BenchOptions, hooks: SuiteHooks): Promise<SuiteReport> {
  const { say } = hooks;
  const database = await createBenchDatabase(options.dialect, options.keep);
  hooks.onCleanup(() => database.drop());
  say(`Role-plays bench database: ${database.label}`);
  const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  const deps = await createDeps(loadConfig(env));
  hooks.onCleanup(() => deps.close());
  await seedDemo(deps);
  const editionId = await findEditionIdByCode(deps.db, deps, DEMO_ROLEPLAY_EDITION);
  const [roleplay] = editionId ? await itemsOfKind(deps.db, 'roleplay', [editionId]) : [];
  const [study] = editionId ? await itemsOfKind(deps.db, 'case', [editionId]) : [];
  if (!editionId || !roleplay || !study)
    throw new Error('roleplays bench: the demo has no role-play in A9012027');

  // Throughput, not shedding (see forums-suite.ts): the event-loop backstop is off for the child.
  const server = await startServerChild({ ...env, SHED_EVENT_LOOP_DELAY_MS: '0' });
  hooks.onCleanup(() => server.stop());
  say(`Server under test: ${server.origin} (child pid ${server.pid})`);
  const cookie = await signInHolder(server.origin);
  const pages: Scenario[] = [
    {
      name: `${PREFIX}role-play item page (holder)`,
      path: `/spaces/${editionId}/items/${roleplay.id}`,
      connections: options.pageConnections,
      expect: 'class="card roleplay-mine"',
      headers: { cookie },
    },
    {
      name: `${PREFIX}case item page (participant)`,
      path: `/spaces/${editionId}/items/${study.id}`,
      connections: options.pageConnections,
      expect: 'class="case-study"',
      headers: { cookie },
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
    '## Role-plays and case studies',
    '',
    `The demo's ${DEMO_ROLEPLAY_EDITION} Academy (a role-play with seven roles and a case study), signed in as ${HOLDER}`,
    '(who holds a role). Target (issue 14): a role-play page ≥ 10 % of the bare-Fastify ceiling.',
    '',
    ...rowsTable(rows.filter((r) => !r.name.includes('ceiling'))),
    '',
    '### Scenario details',
    '',
    ...scenarioDetails(results),
    '',
  ].join('\n');
  return { suite: 'roleplays', rows, markdown };
}
