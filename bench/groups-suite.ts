/**
 * The groups suite: the demo's Academy (A9012027) with its balanced "Working groups", signed in as
 * participant@example.org (a member of one group), and under load: their group's page (members, shared
 * page rendered from Markdown, files, group tasks, forum link) and the edition's groups index, each against
 * the ceiling route at the same number of connections (target ≥ 10 % of it, as the space's pages). Also, in
 * this process: balancing 300 people into 10 groups (time; target < 1 s).
 */
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { findEditionIdByCode } from '../src/modules/catalogue/find-ids.js';
import { BALANCE_ATTRIBUTES, balanceGroups, seededRandom } from '../src/modules/groups/balance-groups.js';
import { DEMO_GROUPS_EDITION } from '../src/modules/groups/demo/seed-groups.js';
import { groupsOfPerson } from '../src/modules/groups/groups.port.js';
import { findPersonIdByEmail } from '../src/modules/identity/create-person.js';
import { DEMO_PASSWORD } from '../src/modules/identity/demo/demo-people.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createBenchDatabase } from './bench-database.js';
import type { BenchOptions, SuiteHooks } from './options.js';
import { loadRows, rowsTable, type SuiteReport, scenarioDetails, timeRow } from './report.js';
import { ceilingScenarios, checkPage, runScenarios, type Scenario } from './scenarios.js';
import { startServerChild } from './server-process.js';
import { signIn } from './sign-in.js';

const PARTICIPANT = 'participant@example.org';
const PREFIX = 'groups: ';

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

/** Milliseconds to balance `n` people with four attributes into `k` groups. */
function timeBalancing(n: number, k: number): number {
  const values = [8, 5, 3, 3];
  const people = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    attributes: Object.fromEntries(
      BALANCE_ATTRIBUTES.map((a, x) => [a, `v${(i * (x + 7)) % (values[x] ?? 2)}`]),
    ),
  }));
  const started = performance.now();
  balanceGroups(people, k, seededRandom(1));
  return performance.now() - started;
}

export async function runGroupsSuite(options: BenchOptions, hooks: SuiteHooks): Promise<SuiteReport> {
  const { say } = hooks;
  const database = await createBenchDatabase(options.dialect, options.keep);
  hooks.onCleanup(() => database.drop());
  say(`Groups bench database: ${database.label}`);
  const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  const deps = await createDeps(loadConfig(env));
  hooks.onCleanup(() => deps.close());
  await seedDemo(deps);
  const editionId = await findEditionIdByCode(deps.db, deps, DEMO_GROUPS_EDITION);
  const personId = await findPersonIdByEmail(deps.db, deps, PARTICIPANT);
  const [group] = editionId && personId ? await groupsOfPerson(deps.db, editionId, personId) : [];
  if (!editionId || !group) throw new Error('groups bench: the demo has no group of participant@example.org');
  const balancing = timeBalancing(300, 10);
  say(`Balancing 300 people into 10 groups: ${balancing.toFixed(0)} ms`);

  // Throughput, not shedding (see forums-suite.ts): the event-loop backstop is off for the child.
  const server = await startServerChild({ ...env, SHED_EVENT_LOOP_DELAY_MS: '0' });
  hooks.onCleanup(() => server.stop());
  say(`Server under test: ${server.origin} (child pid ${server.pid})`);
  const cookie = await signInPatiently(server.origin);
  const pages: Scenario[] = [
    {
      name: `${PREFIX}group page (member)`,
      path: `/groups/${group.id}`,
      connections: options.pageConnections,
      expect: 'id="shared-heading"',
      headers: { cookie },
    },
    {
      name: `${PREFIX}edition's groups (participant)`,
      path: `/spaces/${editionId}/groups`,
      connections: options.pageConnections,
      expect: `/groups/${group.id}`,
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
  const rows = [
    ...loadRows(results),
    timeRow(`${PREFIX}balance 300 people into 10 groups`, balancing, 'ms', 1000),
  ];
  const markdown = [
    '## Groups',
    '',
    `The demo's ${DEMO_GROUPS_EDITION} Academy with its balanced "Working groups", signed in as ${PARTICIPANT}`,
    '(a member of one group). Target: the group page ≥ 10 % of the bare-Fastify ceiling; balancing 300 people < 1 s.',
    '',
    ...rowsTable(rows.filter((r) => !r.name.includes('ceiling'))),
    '',
    '### Scenario details',
    '',
    ...scenarioDetails(results),
    '',
  ].join('\n');
  return { suite: 'groups', rows, markdown };
}
