/**
 * The credentials suite (issue 4, "Performance"): in a throw-away database with the demo and synthetic
 * candidates, 10,000 Certificates of Achievement issued through the issuance jobs against raw Ed25519
 * signatures of their canonical forms; PDFs/s against a minimal pdf-lib page; the public verification
 * page `/verify/{id}` under load with 100,000 credentials in the database (a random one per request, and
 * the demo diploma with its components) against the bare ceiling; posted credentials verified by our
 * verifier against the reference library used naively (Data Integrity) and against raw node:crypto
 * signature checks (VC-JWT).
 */
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { createBenchDatabase } from './bench-database.js';
import { loadLine, machineLine, runLine } from './catalogue-suite.js';
import {
  fillCredentials,
  type IssuanceResult,
  measureIssuance,
  measureSigning,
  prepareResults,
  SIGNING_SAMPLE,
  sampleIssued,
} from './credentials-data.js';
import { measurePdfs, measureVerification } from './credentials-measures.js';
import {
  type CredentialsFigures,
  type CredentialsRun,
  credentialsRows,
  renderCredentialsSection,
} from './credentials-report.js';
import { type BenchOptions, type SuiteHooks, seconds } from './options.js';
import type { SuiteReport } from './report.js';
import { ceilingScenarios, checkPage, runScenarios, type Scenario } from './scenarios.js';
import { startServerChild } from './server-process.js';

const PREFIX = 'credentials: ';
/** Issued certificates the verification measures cycle over. */
const VERIFY_SAMPLE = 20;
/** Random credentials checked (valid page) before the random-id scenario is measured. */
const CHECKED_BEFORE = 5;

export async function runCredentialsSuite(options: BenchOptions, hooks: SuiteHooks): Promise<SuiteReport> {
  const { say } = hooks;
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const database = await createBenchDatabase(options.dialect, options.keep);
  hooks.onCleanup(() => database.drop());
  say(`Credentials bench database: ${database.label}${options.keep ? ' (kept after the run)' : ''}`);
  const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  const deps = await createDeps(loadConfig(env));
  hooks.onCleanup(() => deps.close());

  const prepared = await prepareResults(deps, options.issue);
  say(
    `Demo and ${prepared.scale.candidates} synthetic candidates in ${seconds(prepared.seedMs)} ` +
      `(${prepared.demoCredentials} demo credentials issued at seed time); ${prepared.resultIds.length} ` +
      'achievement results to certify.',
  );
  say(`Issuing ${options.issue} Certificates of Achievement through the issuance jobs…`);
  const issuance: IssuanceResult = await measureIssuance(deps, prepared.resultIds, say);
  say(
    `Issued ${issuance.issued} in ${seconds(issuance.issueMs)}: ` +
      `${Math.round(issuance.issued / (issuance.issueMs / 1000))} credentials/s ` +
      `(${(issuance.cpuMs / issuance.issued).toFixed(1)} ms of CPU each; jobs enqueued in ` +
      `${seconds(issuance.enqueueMs)}; ${issuance.queuedEffects} PDF and email jobs queued, not run).`,
  );
  const issued = await sampleIssued(deps, Math.max(SIGNING_SAMPLE, VERIFY_SAMPLE));
  const signing = await measureSigning(deps, issued.slice(0, SIGNING_SAMPLE), options.issue);
  say(
    `Signing, median per credential: every form ${signing.signFormsMs.toFixed(1)} ms (Data Integrity ` +
      `${signing.dataIntegrityMs.toFixed(1)} ms, of which canonicalisation ${signing.canonicalMs.toFixed(1)} ms; ` +
      `RS256 JWT ${signing.jwtRs256Ms.toFixed(2)} ms; EdDSA JWT ${signing.jwtEddsaMs.toFixed(2)} ms). Ceiling: ` +
      `${signing.signatures} raw Ed25519 signatures in ${Math.round(signing.rawSignMs)} ms.`,
  );

  const fill = await fillCredentials(deps, await sampleIssued(deps, 1000), options.credentials);
  if (options.dialect === 'postgres') await sql`vacuum analyze`.execute(deps.db);
  say(`Database filled to ${fill.total} credentials (${fill.copies} copies in ${seconds(fill.ms)}).`);

  const inProcessSeconds = Math.max(1, Math.round(options.duration / 2));
  const pdfSeconds = Math.max(1, Math.round(options.duration / 3));
  const pdf = await measurePdfs(pdfSeconds);
  say(
    `PDFs/s: ${pdf.scenarios.map((s) => `${s.name} ${s.pdfsPerSecond.toFixed(1)}`).join('; ')}; ` +
      `minimal pdf-lib page ${pdf.ceilingPerSecond.toFixed(0)}.`,
  );
  const verification = await measureVerification(deps, issued.slice(0, VERIFY_SAMPLE), inProcessSeconds);
  say(
    `Verifications/s: Data Integrity ours ${verification.ours.dataIntegrity.toFixed(1)} (first time ` +
      `${verification.oursFirstDataIntegrity.toFixed(1)}), library alone ` +
      `${verification.naiveDataIntegrity.toFixed(1)}; EdDSA JWT ours ${verification.ours.jwtEddsa.toFixed(0)}, raw ` +
      `${verification.rawEd25519.toFixed(0)}; RS256 JWT ours ${verification.ours.jwtRs256.toFixed(0)}, raw ` +
      `${verification.rawRs256.toFixed(0)}.`,
  );

  const ids = await idsAndDiploma(deps);
  const server = await startServerChild(env);
  hooks.onCleanup(() => server.stop());
  say(`Server under test: ${server.origin} (child pid ${server.pid})`);
  const page = options.pageConnections;
  const randomPath = () => `/verify/${ids.ids[Math.floor(Math.random() * ids.ids.length)]}`;
  const pages: Scenario[] = [
    {
      name: `/verify/{id}, a random one of ${ids.ids.length.toLocaleString('en')} credentials`,
      path: `/verify/${ids.ids[0]}`,
      connections: page,
      expect: 'verdict-valid',
      nextPath: randomPath,
    },
  ];
  if (ids.diplomaId)
    pages.push({
      name: `/verify/{id} of the demo diploma (its ${ids.components} components and their statuses)`,
      path: `/verify/${ids.diplomaId}`,
      connections: page,
      expect: 'class="components"',
    });
  const scenarios = [
    ...ceilingScenarios(options, PREFIX),
    ...pages.map((p) => ({ ...p, name: `${PREFIX}${p.name} (${page} conn.)` })),
  ];
  for (const scenario of scenarios) await checkPage(server.origin, scenario);
  for (let i = 0; i < CHECKED_BEFORE; i++)
    await checkPage(server.origin, { ...pages[0]!, path: randomPath() });
  const results = await runScenarios(server.origin, scenarios, options, say);
  await server.stop();

  const figures: CredentialsFigures = { prepared, issuance, signing, fill, pdf, verification, results };
  const run: CredentialsRun = { inProcessSeconds, pdfSeconds, verifySample: verification.samples };
  const rows = credentialsRows(PREFIX, figures);
  const context = [
    machineLine(options.dialect),
    loadLine(options),
    dataLine(figures),
    runLine({ elapsedMs: performance.now() - started, loadBefore, loadAfter: loadavg()[0]! }),
  ];
  return { suite: 'credentials', rows, markdown: renderCredentialsSection({ rows, context, figures, run }) };
}

/** Every credential id (for the random pages) and the demo's active diploma. */
async function idsAndDiploma(deps: Deps) {
  const ids = (await deps.db.selectFrom('credentials').select('id').execute()).map((r) => r.id);
  const diploma = await deps.db
    .selectFrom('credentials')
    .select('id')
    .where('kind', '=', 'diploma')
    .where('status', '=', 'active')
    .executeTakeFirst();
  const components = diploma
    ? (
        await deps.db
          .selectFrom('credential_components')
          .select('component_id')
          .where('diploma_id', '=', diploma.id)
          .execute()
      ).length
    : 0;
  return { ids, diplomaId: diploma?.id ?? null, components };
}

function dataLine({ prepared, issuance, fill }: CredentialsFigures): string {
  const n = (value: number) => value.toLocaleString('en');
  return (
    `Data: the demo (${prepared.demoCredentials} credentials issued at seed time, among them a diploma with its ` +
    `components) and ${n(prepared.scale.candidates)} synthetic candidates (\`seedScale\`, seed 42; ` +
    `${n(prepared.scale.results)} results) in ${seconds(prepared.seedMs)}; ${n(issuance.issued)} certificates ` +
    `issued through the jobs; then ${n(fill.copies)} copies of issued certificates (own id, short code and status ` +
    `index; see the README for this shortcut) in ${seconds(fill.ms)}: ${n(fill.total)} credentials in the database.`
  );
}
