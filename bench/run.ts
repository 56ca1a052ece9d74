/**
 * `npm run bench [-- --suite all|catalogue|pathway|credentials|admissions|lrs|spaces|resilience|verify-flood|webinars|capstones|forums|groups|roleplays|assessment] [--dialect postgres] [--duration 10] [--warmup 2]
 * [--connections 50] [--page-connections 10] [--courses 1000] [--editions 10000] [--seed 42]
 * [--candidates 100000] [--import-rows 100000] [--credentials 100000] [--issue 10000] [--applications 50000] [--keep]`
 *
 * Runs the suites (all by default), each on its own throw-away database with the application in a child
 * process on 127.0.0.1: the catalogue (catalogue-suite.ts), the diploma pathway with 100,000 candidates
 * (pathway-suite.ts) the credentials (credentials-suite.ts) and admissions with 50,000 applications (admissions-suite.ts). Writes bench/results/latest.json and latest.md (and a copy per dialect and per suite).
 * The children, the temporary directories and the PostgreSQL databases are removed even when the run
 * fails or is interrupted. Never part of `npm test`.
 */
import { fileURLToPath } from 'node:url';
import { runAdmissionsSuite } from './admissions-suite.js';
import { runAssessmentSuite } from './assessment-suite.js';
import { runCapstonesSuite } from './capstones-suite.js';
import { runCatalogueSuite } from './catalogue-suite.js';
import { runCredentialsSuite } from './credentials-suite.js';
import { runForumsSuite } from './forums-suite.js';
import { runGroupsSuite } from './groups-suite.js';
import { runLrsSuite } from './lrs-suite.js';
import { type BenchOptions, parseOptions, type SuiteHooks, seconds } from './options.js';
import { runPathwaySuite } from './pathway-suite.js';
import { memoryLines, memoryRow, rowsTable, type Suite, type SuiteReport, writeResults } from './report.js';
import { runResilienceSuite } from './resilience-suite.js';
import { runRoleplaysSuite } from './roleplays-suite.js';
import { takeRssPeaks } from './server-process.js';
import { runSpacesSuite } from './spaces-suite.js';
import { UsageError } from './usage-error.js';
import { runVerifyFloodSuite } from './verify-flood-suite.js';
import { runWebinarsSuite } from './webinars-suite.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

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
    process.stderr.write(`\n${signal}: stopping the servers and removing the bench databases…\n`);
    void cleanUp().then(() => process.exit(130));
  });
}

const say = (text: string) => process.stdout.write(`${text}\n`);

/** Each suite's runner (a new suite: a file, a name in report.ts's SUITES and a line here). */
const RUNNERS: Record<Suite, (options: BenchOptions, hooks: SuiteHooks) => Promise<SuiteReport>> = {
  catalogue: runCatalogueSuite,
  pathway: runPathwaySuite,
  credentials: runCredentialsSuite,
  admissions: runAdmissionsSuite,
  lrs: runLrsSuite,
  spaces: runSpacesSuite,
  resilience: runResilienceSuite,
  'verify-flood': runVerifyFloodSuite,
  webinars: runWebinarsSuite,
  capstones: runCapstonesSuite,
  forums: runForumsSuite,
  groups: runGroupsSuite,
  roleplays: runRoleplaysSuite,
  assessment: runAssessmentSuite,
};

async function main(): Promise<void> {
  const started = performance.now();
  const options = parseOptions();
  const hooks: SuiteHooks = { say, onCleanup: (undo) => cleanups.push(undo) };
  const reports: SuiteReport[] = [];
  for (const suite of options.suites) {
    say(`\n# ${suite} suite`);
    takeRssPeaks();
    const report = await RUNNERS[suite](options, hooks);
    // Each suite's databases and server go before the next suite starts.
    await cleanUp();
    cleanups.length = 0;
    cleaning = null;
    // Every suite reports its server's peak resident memory (issue 17: under 300 MB).
    const peaks = takeRssPeaks();
    const memory = memoryRow(suite, peaks);
    say(`Server peak resident memory: ${memory.value} MB (ceiling ${memory.ceiling ?? '–'} MB)`);
    reports.push({
      ...report,
      rows: [...report.rows, memory],
      markdown: `${report.markdown.trimEnd()}\n\n${memoryLines(memory, peaks).join('\n')}`,
    });
  }
  const written = writeResults(RESULTS_DIR, options.dialect, reports);
  for (const report of reports) say(`\n${rowsTable(report.rows).join('\n')}`);
  say(`\nWritten: ${written.join(', ')}`);
  say(`Bench run time: ${seconds(performance.now() - started)}`);
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
