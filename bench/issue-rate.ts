/**
 * Issuance of certificates through the jobs, alone (issue 16, "Performance"): a throw-away database with
 * the demo and synthetic candidates, `--issue` issuance jobs enqueued as the pathway does and run by the
 * job runner as the credentials suite runs them (credentials-data.ts `measureIssuance`), with an optional
 * CPU profile of the run. Quicker than the whole credentials suite (no copies, PDFs or pages).
 *
 *   npx tsx bench/issue-rate.ts [--issue 1000] [--dialect sqlite|postgres] [--profile /tmp/prof-issue]
 *   npx tsx bench/profile-summary.ts /tmp/prof-issue/issue.cpuprofile 40
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
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
  loadConfig({ DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' }),
);
try {
  const prepared = await prepareResults(deps, Number(values.issue));
  const session = values.profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const load = loadavg()[0]!.toFixed(2);
  const result = await measureIssuance(deps, prepared.resultIds, (line) => console.log(line));
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
