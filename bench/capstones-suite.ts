/**
 * The capstones suite (issue 15, "Performance"): the committee's queue with 5,000 capstones (proposals
 * waiting, handed-in capstones the assessors are allocated from) and the assessors' own queue (/marking/my:
 * the demo's assessor with a share of 250 of the 2,500 handed in, bench/capstones-marking-data.ts) ≥ 10 % of
 * the bare-Fastify ceiling, and
 * the library search over 10,000 published entries p99 < 100 ms (its JSON API and its page). The demo is
 * seeded, then 15,000 capstones are added for demo candidates' programme (scale data: rows written
 * straight through the module's repository, no marking). The application runs as a child.
 */
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { newId } from '../src/kernel/ids.js';
import { librarySearchDocument, librarySearchText } from '../src/modules/capstones/capstone.js';
import { insertManyCapstones } from '../src/modules/capstones/capstones.repository.js';
import { indexManyLibraryEntries } from '../src/modules/capstones/library/capstone-library.repository.js';
import { findPersonIdByEmail } from '../src/modules/identity/create-person.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createBenchDatabase } from './bench-database.js';
import { type HandedIn, MEASURED_ASSESSOR, scaleCapstoneMarking } from './capstones-marking-data.js';
import type { BenchOptions, SuiteHooks } from './options.js';
import { loadRows, rowsTable, type SuiteReport, scenarioDetails } from './report.js';
import { ceilingScenarios, checkPage, runScenarios, type Scenario } from './scenarios.js';
import { startServerChild } from './server-process.js';
import { signIn, signInWhenReady } from './sign-in.js';

const MANAGER = 'manager@example.org';
const DEMO_PASSWORD = 'diploma-demo-2026';
const PREFIX = 'capstones: ';
const COUNTRIES = ['GH', 'ZA', 'KE', 'NG', 'PH', 'CO', 'NP', 'MA', 'VN', 'MD', 'LB', 'JO', 'BD', 'ET', 'SN'];
const THEMES = [
  'Social protection',
  'Fair recruitment',
  'Domestic work',
  'Skills recognition',
  'Remittances',
];
const LANGUAGES = ['en', 'fr', 'es'] as const;

async function signInPatiently(origin: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signIn(origin, MANAGER, DEMO_PASSWORD);
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000 * attempt));
    }
  }
}

/** 5,000 capstones in the committee's and assessors' queues, 10,000 published ones. */
export async function scaleData(deps: Awaited<ReturnType<typeof createDeps>>): Promise<void> {
  const existing = await deps.db
    .selectFrom('candidacies')
    .select(['id', 'user_id', 'programme_id'])
    .execute();
  const template = existing[0];
  const userId = await findPersonIdByEmail(deps.db, deps, 'participant@example.org');
  if (!template || !userId) throw new Error('capstones bench: the demo has no candidacy');
  // One capstone per candidacy: the scale rows need candidacies of their own (the pathway's table,
  // written here as scale data, never by the application).
  const candidacies = [];
  for (let i = 0; i < 15_000; i++) candidacies.push({ id: newId(), userId: newId() });
  const now = new Date().toISOString();
  const capstones = [];
  const attempts = [];
  const handedIn: HandedIn[] = [];
  for (let i = 0; i < 15_000; i++) {
    const state = i < 2_500 ? 'proposed' : i < 5_000 ? 'submitted' : 'passed';
    const country = COUNTRIES[i % COUNTRIES.length]!;
    const themes = [THEMES[i % THEMES.length]!, THEMES[(i * 7) % THEMES.length]!].filter(
      (t, j, all) => all.indexOf(t) === j,
    );
    const language = LANGUAGES[i % 3]!;
    const title = `Policy options for labour migration ${i} in ${country}`;
    const abstract = `Recommendations ${i}: fair recruitment, social protection and skills for workers from ${country}.`;
    const id = newId();
    capstones.push({
      id,
      candidacy_id: candidacies[i]!.id,
      user_id: candidacies[i]!.userId,
      programme_id: template.programme_id,
      state,
      title,
      country,
      policy_question: `How can ${country} protect its migrant workers (${i})?`,
      themes_json: JSON.stringify(themes),
      approaches_json: '[]',
      language,
      outline_due: null,
      draft_due: null,
      final_due: '2027-06-30',
      committee_comment: null,
      decided_by: null,
      decided_at: null,
      supervisor_id: null,
      attempts: state === 'proposed' ? 0 : 1,
      resubmission_due: null,
      outcome_mark: state === 'passed' ? 6500 : null,
      completed_on: state === 'passed' ? `${2020 + (i % 7)}-06-30` : null,
      credential_id: null,
      library_licence: state === 'passed' ? 'CC-BY-4.0' : null,
      library_show_author: 0,
      library_link_diploma: 0,
      published_at: state === 'passed' ? now : null,
      search_text: librarySearchText({
        title,
        policyQuestion: '',
        country,
        themes,
        abstracts: { [language]: abstract },
      }),
      created_at: now,
      updated_at: now,
    });
    const attemptId = newId();
    if (state === 'submitted')
      handedIn.push({ attemptId, capstoneId: id, participantId: candidacies[i]!.userId });
    if (state !== 'proposed')
      attempts.push({
        id: attemptId,
        capstone_id: id,
        attempt: 1,
        type: 'pdf',
        size_bytes: 1000,
        sha256: 'a'.repeat(64),
        storage_key: `capstones/${id}/bench.pdf`,
        original_name: 'capstone.pdf',
        abstracts_json: JSON.stringify({ [language]: abstract }),
        declared: 1,
        digest: 'b'.repeat(64),
        submitted_at: now,
        created_at: now,
      });
  }
  // Foreign keys: the candidacies are written first, copying the demo candidacy's other columns.
  const row = await deps.db
    .selectFrom('candidacies')
    .selectAll()
    .where('id', '=', template.id)
    .executeTakeFirstOrThrow();
  const user = await deps.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  for (let i = 0; i < candidacies.length; i += 200) {
    const batch = candidacies.slice(i, i + 200);
    await deps.db
      .insertInto('users')
      .values(batch.map((c, j) => ({ ...user, id: c.userId, email: `bench-${i + j}@example.org` })))
      .execute();
    await deps.db
      .insertInto('candidacies')
      .values(batch.map((c) => ({ ...row, id: c.id, user_id: c.userId })))
      .execute();
  }
  await insertManyCapstones(deps.db, capstones, attempts);
  // The handed-in capstones as the marking engine holds them, each allocated to two of 20 assessors.
  await scaleCapstoneMarking(deps, template.programme_id, handedIn);
  // Published entries are in the library's full-text index, as consenting puts them there.
  await indexManyLibraryEntries(
    deps.db,
    capstones
      .filter((c) => c.published_at !== null)
      .map((c) => ({ capstone_id: c.id, body: librarySearchDocument(c) })),
  );
}

export async function runCapstonesSuite(options: BenchOptions, hooks: SuiteHooks): Promise<SuiteReport> {
  const { say } = hooks;
  const database = await createBenchDatabase(options.dialect, options.keep);
  hooks.onCleanup(() => database.drop());
  say(`Capstones bench database: ${database.label}`);
  const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  const deps = await createDeps(loadConfig(env));
  hooks.onCleanup(() => deps.close());
  await seedDemo(deps);
  await scaleData(deps);
  // Measured without load shedding (as the spaces and assessment suites): a shared machine's lag must not
  // refuse requests.
  const server = await startServerChild({ ...env, SHED_EVENT_LOOP_DELAY_MS: '0', SHED_MAX_IN_FLIGHT: '0' });
  hooks.onCleanup(() => server.stop());
  say(`Server under test: ${server.origin} (child pid ${server.pid})`);
  const cookie = await signInPatiently(server.origin);
  const assessorCookie = await signInWhenReady(server.origin, MEASURED_ASSESSOR, DEMO_PASSWORD);
  let n = 0;
  const pages: Scenario[] = [
    {
      name: `${PREFIX}committee queue, proposals (manager)`,
      path: '/capstones?state=proposed',
      connections: options.pageConnections,
      expect: '<table',
      headers: { cookie },
    },
    {
      name: `${PREFIX}handed-in queue (assessors allocated from it)`,
      path: '/capstones?state=submitted&page=20',
      connections: options.pageConnections,
      expect: '<table',
      headers: { cookie },
    },
    {
      name: `${PREFIX}assessor's own queue, 250 of the 2,500 handed in`,
      path: '/marking/my',
      connections: options.pageConnections,
      expect: 'P-',
      headers: { cookie: assessorCookie },
    },
    {
      name: `${PREFIX}library API search, 10,000 entries`,
      path: '/api/v1/capstones?q=recruitment&country=GH',
      nextPath: () =>
        `/api/v1/capstones?q=${['recruitment', 'protection', 'skills'][n % 3]}&country=${COUNTRIES[n++ % COUNTRIES.length]}`,
      connections: options.pageConnections,
      expect: '"total"',
    },
    {
      name: `${PREFIX}library page, Spanish country name`,
      path: '/library/capstones?q=sud%C3%A1frica&language=es',
      connections: options.pageConnections,
      expect: 'class="cards"',
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
    '## Capstones',
    '',
    'The demo plus 15,000 capstones: 2,500 proposals with the committee, 2,500 handed in (each marked by two of 20 assessors: 250 in the measured assessor’s own queue), 10,000 published in the library.',
    'Targets (issue 15): the queues ≥ 10 % of the bare-Fastify ceiling; the library search p99 < 100 ms.',
    '',
    ...rowsTable(rows.filter((r) => !r.name.includes('ceiling'))),
    '',
    '### Scenario details',
    '',
    ...scenarioDetails(results),
    '',
  ].join('\n');
  return { suite: 'capstones', rows, markdown };
}
