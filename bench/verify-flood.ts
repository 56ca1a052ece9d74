/**
 * Bench scenario for issue 11, point 4: is /healthz responsive during a verification flood? Starts the real
 * server (bench/server.ts, a child process) with VERIFY_WORKERS=0 (verification on the main thread, as
 * before) and then with the default pool, floods `POST /presentations/verify` with presentations of ten
 * valid credentials from many client addresses (TRUST_PROXY, one X-Forwarded-For each, so the per-address
 * budget does not stop the flood), and samples /healthz every 50 ms meanwhile.
 *
 *   node --import tsx bench/verify-flood.ts [--seconds 10] [--connections 8]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { sampleCredential } from '../src/modules/credentials/credentials-fixtures.js';
import { signDataIntegrity } from '../src/modules/credentials/issuing/sign.js';
import { loadIssuer } from '../src/modules/credentials/keys/issuer.js';
import type { ListeningMessage } from './protocol.js';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SECONDS = argument('seconds', 10);
const CONNECTIONS = argument('connections', 8);
const BASE_URL = 'http://localhost:3999';

const dataDir = mkdtempSync(join(tmpdir(), 'verify-flood-'));
const env = { ...process.env, DATA_DIR: dataDir, BASE_URL, LOG_LEVEL: 'silent', TRUST_PROXY: 'true' };

async function presentation(): Promise<object> {
  const deps = await createDeps(loadConfig(env));
  const issuer = await loadIssuer(deps.db, deps);
  const unsigned = sampleCredential('certificate-of-achievement');
  unsigned.issuer = { ...(unsigned.issuer as object), id: issuer.did };
  const signed = await signDataIntegrity(unsigned, issuer.keyring, issuer.documentLoader);
  await deps.close();
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    verifiableCredential: Array(10).fill(signed),
  };
}

function start(workers: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = fork(new URL('./server.ts', import.meta.url), [], {
    env: workers === '' ? env : { ...env, VERIFY_WORKERS: workers },
    execArgv: ['--import', 'tsx'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message: ListeningMessage) => {
      if (message.type === 'listening') resolve({ child, origin: `http://127.0.0.1:${message.port}` });
    });
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function flood(origin: string, body: string) {
  const until = Date.now() + SECONDS * 1000;
  let verified = 0;
  let other = 0;
  let client = 0;
  const loops = Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < until) {
      client += 1;
      const response = await fetch(`${origin}/presentations/verify`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.9.${(client >> 8) & 255}.${client & 255}`,
        },
        body,
      });
      await response.arrayBuffer();
      if (response.status === 200) verified += 1;
      else other += 1;
    }
  });
  const latencies: number[] = [];
  const sampler = (async () => {
    while (Date.now() < until) {
      const started = performance.now();
      await (await fetch(`${origin}/healthz`)).arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  await Promise.all([...loops, sampler]);
  latencies.sort((a, b) => a - b);
  return {
    presentationsPerSecond: Number((verified / SECONDS).toFixed(1)),
    refused: other,
    healthzMs: {
      p50: Number(percentile(latencies, 0.5).toFixed(1)),
      p99: Number(percentile(latencies, 0.99).toFixed(1)),
      max: Number((latencies.at(-1) ?? 0).toFixed(1)),
      samples: latencies.length,
    },
  };
}

const body = JSON.stringify({ verifiablePresentation: await presentation() });
const results: Record<string, unknown> = {};
for (const [name, workers] of [
  ['main thread (VERIFY_WORKERS=0)', '0'],
  ['worker pool (default)', ''],
] as const) {
  const { child, origin } = await start(workers);
  try {
    results[name] = await flood(origin, body);
  } finally {
    child.kill('SIGTERM');
  }
  console.log(name, JSON.stringify(results[name]));
}
rmSync(dataDir, { recursive: true, force: true });
