/**
 * CPU profile of posted-credential verification in process (issue 16, "Performance"): signs a sample
 * Certificate of Achievement as a Data Integrity credential and as EdDSA and RS256 VC-JWTs with a fresh
 * issuer, then verifies each form `--times` times through `verifySubmittedCredential` (the use case of
 * `POST /credentials/verify`), printing the CPU time per verification, and writes a profile per form.
 *
 *   npx tsx bench/profile-verify.ts [--times 300] [--out /tmp/prof-verify] [--workers 0]
 *   npx tsx bench/profile-summary.ts /tmp/prof-verify/jwt-eddsa.cpuprofile 40
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { sampleCredential } from '../src/modules/credentials/credentials-fixtures.js';
import { signDataIntegrity, signVcJwt } from '../src/modules/credentials/issuing/sign.js';
import { loadIssuer } from '../src/modules/credentials/keys/issuer.js';
import { closeVerificationPool } from '../src/modules/credentials/verifying/verify-pool.js';
import { verifySubmittedCredential } from '../src/modules/credentials/verifying/verify-submitted-credential.js';

const { values } = parseArgs({
  options: {
    times: { type: 'string', default: '300' },
    out: { type: 'string', default: '/tmp/prof-verify' },
    workers: { type: 'string', default: '0' },
  },
});
const times = Number(values.times);
const dataDir = mkdtempSync(join(tmpdir(), 'profile-verify-'));
const deps = await createDeps(
  loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', VERIFY_WORKERS: values.workers }),
);
try {
  const issuer = await loadIssuer(deps.db, deps);
  const unsigned = sampleCredential('certificate-of-achievement');
  unsigned.issuer = { ...(unsigned.issuer as object), id: issuer.did };
  const forms: [string, unknown][] = [
    ['data-integrity', await signDataIntegrity(unsigned, issuer.keyring, issuer.documentLoader)],
    ['jwt-eddsa', await signVcJwt(unsigned, issuer.keyring, 'EdDSA')],
    ['jwt-rs256', await signVcJwt(unsigned, issuer.keyring, 'RS256')],
  ];
  mkdirSync(values.out, { recursive: true });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  for (const [name, input] of forms) {
    for (let i = 0; i < 20; i++) await verifySubmittedCredential(deps.db, deps, input);
    await session.post('Profiler.start');
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < times; i++) {
      const result = await verifySubmittedCredential(deps.db, deps, input);
      if (!result.valid) throw new Error(`${name} did not verify: ${JSON.stringify(result.checks)}`);
    }
    const wall = (performance.now() - started) / times;
    const used = process.cpuUsage(cpu);
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(values.out, `${name}.cpuprofile`), JSON.stringify(profile));
    console.log(
      `${name}: ${wall.toFixed(3)} ms/verification, ${((used.user + used.system) / 1000 / times).toFixed(3)} ms of CPU`,
    );
  }
  session.disconnect();
} finally {
  await closeVerificationPool();
  await deps.close();
  rmSync(dataDir, { recursive: true, force: true });
}
