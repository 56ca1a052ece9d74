/**
 * VC-JWT verification of tokens never seen before against raw signature checks (issue 16, "Performance"),
 * alone (a minute, no database to fill): `--tokens` distinct certificates signed as EdDSA and as RS256
 * VC-JWTs by a fresh issuer, then for each round new tokens verified once each by `verifySubmittedCredential`
 * (the use case of `POST /credentials/verify`, in process), interleaved with node:crypto checking the same
 * signatures (jwt-new-tokens.ts). The memo of tokens is full and evicting, as on a server that keeps
 * seeing new tokens. Reports per round and the median ratio ours ÷ raw, by wall and by CPU time.
 *
 *   npx tsx bench/jwt-verify-ratio.ts [--tokens 2000] [--rounds 3] [--profile /tmp/prof-jwt]
 *   npx tsx bench/profile-summary.ts /tmp/prof-jwt/EdDSA-1.cpuprofile 40
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { loadIssuer } from '../src/modules/credentials/keys/issuer.js';
import { verifySubmittedCredential } from '../src/modules/credentials/verifying/verify-submitted-credential.js';
import { freshJwts, measureNewTokens, type NewTokenTiming } from './jwt-new-tokens.js';

const { values } = parseArgs({
  options: {
    tokens: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    /** Folder for a CPU profile of each round (`<alg>-<round>.cpuprofile`; bench/profile-summary.ts). */
    profile: { type: 'string' },
  },
});
const tokenCount = Number(values.tokens);
const rounds = Number(values.rounds);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

const dataDir = mkdtempSync(join(tmpdir(), 'jwt-verify-ratio-'));
const deps = await createDeps(
  loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', VERIFY_WORKERS: '0' }),
);
try {
  const issuer = await loadIssuer(deps.db, deps);
  const ours = async (token: string) => {
    const result = await verifySubmittedCredential(deps.db, deps, token);
    if (!result.valid) throw new Error(`bench: not verified: ${JSON.stringify(result.checks)}`);
  };
  const keys = { EdDSA: issuer.keyring.ed25519.publicKey, RS256: issuer.keyring.rsa.publicKey };
  // Warm-up (schema compiled, keys imported, code optimised, the memo filled) on tokens not measured.
  for (const alg of ['EdDSA', 'RS256'] as const)
    for (const token of await freshJwts(issuer, alg, tokenCount)) await ours(token);
  const session = values.profile ? new Session() : null;
  if (session && values.profile) {
    mkdirSync(values.profile, { recursive: true });
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
  }
  for (const alg of ['EdDSA', 'RS256'] as const) {
    const timings: NewTokenTiming[] = [];
    for (let round = 1; round <= rounds; round++) {
      const tokens = await freshJwts(issuer, alg, tokenCount);
      await session?.post('Profiler.start');
      const timing = await measureNewTokens(tokens, alg, keys[alg], ours);
      if (session && values.profile) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(join(values.profile, `${alg}-${round}.cpuprofile`), JSON.stringify(profile));
      }
      timings.push(timing);
      const { ours: o, raw: r } = timing;
      console.log(
        `${alg} round ${round}: ours ${o.wallUs.toFixed(1)} µs (${o.cpuUs.toFixed(1)} µs CPU), raw ` +
          `${r.wallUs.toFixed(1)} µs (${r.cpuUs.toFixed(1)} µs CPU): ratio ${(r.wallUs / o.wallUs).toFixed(3)} ` +
          `wall, ${(r.cpuUs / o.cpuUs).toFixed(3)} CPU`,
      );
    }
    const wall = median(timings.map((t) => t.raw.wallUs / t.ours.wallUs));
    const cpu = median(timings.map((t) => t.raw.cpuUs / t.ours.cpuUs));
    const rate = 1e6 / median(timings.map((t) => t.ours.wallUs));
    console.log(
      `${alg} new tokens: median ratio ${wall.toFixed(3)} (wall), ${cpu.toFixed(3)} (CPU); ${Math.round(rate)} verifies/s`,
    );
  }
} finally {
  await deps.close();
  rmSync(dataDir, { recursive: true, force: true });
}
