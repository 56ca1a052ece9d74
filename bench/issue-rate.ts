/**
 * Issuance of certificates through the jobs, alone (issue 16, "Performance"): a throw-away database with
 * the demo and synthetic candidates, `--issue` issuance jobs enqueued as the pathway does and run by the
 * job runner as the credentials suite runs them (credentials-data.ts `measureIssuance`), with an optional
 * CPU profile of the run. Quicker than the whole credentials suite (no copies, PDFs or pages).
 *
 *   npx tsx bench/issue-rate.ts [--issue 1000] [--dialect sqlite|postgres] [--profile /tmp/prof-issue]
 *
 * Besides the rate and the process's CPU per certificate (every thread), it prints the main thread's
 * CPU per certificate (Linux: /proc/self/task; the bound of a single-writer issuance is 1000 ÷ that) and,
 * on SQLite, the SQL statements per certificate (counted where better-sqlite3 runs them). SIGN_WORKERS in
 * the environment sets the signing threads (0: on the main thread).
 *   npx tsx bench/profile-summary.ts /tmp/prof-issue/issue.cpuprofile 40
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createBenchDatabase } from './bench-database.js';
import { measureIssuance, measureSigning, prepareResults, sampleIssued } from './credentials-data.js';

const { values } = parseArgs({
  options: {
    issue: { type: 'string', default: '1000' },
    dialect: { type: 'string', default: 'sqlite' },
    profile: { type: 'string' },
  },
});
const database = await createBenchDatabase(values.dialect === 'postgres' ? 'postgres' : 'sqlite', false);
const deps = await createDeps(
  loadConfig({
    DATABASE_URL: database.url,
    DATA_DIR: database.dataDir,
    LOG_LEVEL: 'silent',
    ...(process.env.SIGN_WORKERS ? { SIGN_WORKERS: process.env.SIGN_WORKERS } : {}),
  }),
);

/** CPU ticks (user + system) of this process's main thread and of all its threads, from /proc. */
function threadTicks(): { main: number; all: number } {
  const ticks = (path: string) => {
    const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  try {
    let all = 0;
    for (const task of readdirSync('/proc/self/task')) all += ticks(`/proc/self/task/${task}/stat`);
    return { main: ticks(`/proc/self/task/${process.pid}/stat`), all };
  } catch {
    return { main: Number.NaN, all: Number.NaN };
  }
}

// Every statement better-sqlite3 runs (the SQLite engine only).
let statements = 0;
const prototype = Object.getPrototypeOf(new SQLite(':memory:').prepare('select 1')) as Record<
  string,
  (...args: unknown[]) => unknown
>;
for (const method of ['all', 'run', 'get', 'iterate']) {
  const original = prototype[method]!;
  prototype[method] = function (this: unknown, ...args: unknown[]) {
    statements += 1;
    return original.apply(this, args);
  };
}
try {
  const prepared = await prepareResults(deps, Number(values.issue));
  const session = values.profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const load = loadavg()[0]!.toFixed(2);
  const ticksBefore = threadTicks();
  statements = 0;
  const result = await measureIssuance(deps, prepared.resultIds, (line) => console.log(line));
  const counted = statements;
  const ticksAfter = threadTicks();
  if (session && values.profile) {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(values.profile, { recursive: true });
    writeFileSync(join(values.profile, 'issue.cpuprofile'), JSON.stringify(profile));
  }
  console.log(
    `issued ${result.issued} in ${(result.issueMs / 1000).toFixed(1)} s: ` +
      `${Math.round(result.issued / (result.issueMs / 1000))} credentials/s, ` +
      `${(result.cpuMs / result.issued).toFixed(2)} ms of CPU each in this process ` +
      `(load ${load} before, ${loadavg()[0]!.toFixed(2)} after)`,
  );
  const perCertificate = (ticks: number) => ((ticks * 10) / result.issued).toFixed(2);
  console.log(
    `main thread ${perCertificate(ticksAfter.main - ticksBefore.main)} ms of CPU per certificate, all threads ` +
      `${perCertificate(ticksAfter.all - ticksBefore.all)} ms (/proc, 10 ms ticks)` +
      (values.dialect === 'postgres' ? '' : `; ${(counted / result.issued).toFixed(1)} SQL statements each`),
  );
  const signing = await measureSigning(deps, await sampleIssued(deps, 40), 200);
  console.log(
    `signing, median per credential: every form ${signing.signFormsMs.toFixed(2)} ms (Data Integrity ` +
      `${signing.dataIntegrityMs.toFixed(2)} ms, of which canonicalisation ${signing.canonicalMs.toFixed(2)} ms; ` +
      `RS256 JWT ${signing.jwtRs256Ms.toFixed(2)} ms; EdDSA JWT ${signing.jwtEddsaMs.toFixed(2)} ms); raw Ed25519 ` +
      `${(signing.rawSignMs / signing.signatures).toFixed(3)} ms`,
  );
} finally {
  await deps.close();
  await database.drop();
}
