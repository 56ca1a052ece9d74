/**
 * The verification flood suite (issue 11, point 4): is the server still alive while anonymous clients
 * flood `POST /presentations/verify` with presentations of ten valid credentials? The application runs in
 * a child process twice — with `VERIFY_WORKERS=0` (verification on the main thread, as before the fix)
 * and with the default worker pool — each flooded from many client addresses (`TRUST_PROXY`, one
 * X-Forwarded-For per request, so the per-address cost budget does not stop the flood) while /healthz is
 * sampled every 50 ms. The ceiling of the /healthz rows is its p99 on the idle server measured just before.
 */
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { sampleCredential } from '../src/modules/credentials/credentials-fixtures.js';
import { signDataIntegrity } from '../src/modules/credentials/issuing/sign.js';
import { loadIssuer } from '../src/modules/credentials/keys/issuer.js';
import { createBenchDatabase } from './bench-database.js';
import type { BenchOptions, SuiteHooks } from './options.js';
import { type BenchRow, round, rowsTable, type SuiteReport, timeRow } from './report.js';
import { startServerChild } from './server-process.js';

const PRESENTATION_SIZE = 10;
const FLOOD_CONNECTIONS = 8;
const SAMPLE_EVERY_MS = 50;

interface FloodResult {
  presentationsPerSecond: number;
  refused: number;
  healthz: { p50: number; p99: number; max: number; samples: number };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function sampleHealth(origin: string, until: number): Promise<number[]> {
  const latencies: number[] = [];
  while (Date.now() < until) {
    const started = performance.now();
    await (await fetch(`${origin}/healthz`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
  }
  return latencies.sort((a, b) => a - b);
}

async function flood(origin: string, body: string, seconds: number): Promise<FloodResult> {
  const until = Date.now() + seconds * 1000;
  let verified = 0;
  let refused = 0;
  let client = 0;
  const loops = Array.from({ length: FLOOD_CONNECTIONS }, async () => {
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
      else refused += 1;
    }
  });
  const [latencies] = await Promise.all([sampleHealth(origin, until), ...loops]);
  return {
    presentationsPerSecond: round(verified / seconds, 1),
    refused,
    healthz: {
      p50: round(percentile(latencies, 0.5), 1),
      p99: round(percentile(latencies, 0.99), 1),
      max: round(latencies.at(-1) ?? 0, 1),
      samples: latencies.length,
    },
  };
}

export async function runVerifyFloodSuite(options: BenchOptions, hooks: SuiteHooks): Promise<SuiteReport> {
  const { say } = hooks;
  const database = await createBenchDatabase(options.dialect, options.keep);
  hooks.onCleanup(() => database.drop());
  const env = {
    DATABASE_URL: database.url,
    DATA_DIR: database.dataDir,
    BASE_URL: 'http://localhost:3999',
    LOG_LEVEL: 'silent',
    TRUST_PROXY: 'true',
  };
  // The issuer's key is made once; both servers sign and verify with it.
  const deps = await createDeps(loadConfig(env));
  const issuer = await loadIssuer(deps.db, deps);
  const unsigned = sampleCredential('certificate-of-achievement');
  unsigned.issuer = { ...(unsigned.issuer as object), id: issuer.did };
  const signed = await signDataIntegrity(unsigned, issuer.keyring, issuer.documentLoader);
  await deps.close();
  const body = JSON.stringify({
    verifiablePresentation: {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      verifiableCredential: Array(PRESENTATION_SIZE).fill(signed),
    },
  });

  const rows: BenchRow[] = [];
  const details: string[] = [];
  for (const [label, workers] of [
    ['main thread (VERIFY_WORKERS=0)', '0'],
    ['worker pool (default)', null],
  ] as const) {
    const server = await startServerChild(workers === null ? env : { ...env, VERIFY_WORKERS: workers });
    try {
      const idle = await sampleHealth(server.origin, Date.now() + 2000);
      const idleP99 = Math.max(0.1, round(percentile(idle, 0.99), 1));
      say(`→ flood, ${label}: ${options.duration} s at ${FLOOD_CONNECTIONS} connections`);
      const result = await flood(server.origin, body, options.duration);
      say(`  ${JSON.stringify(result)}`);
      rows.push(
        {
          name: `${label}: presentations verified/s`,
          value: result.presentationsPerSecond,
          unit: 'req/s',
          ceiling: null,
          ratio: null,
        },
        timeRow(`${label}: /healthz p99 during the flood`, result.healthz.p99, 'ms', idleP99, 1),
        {
          name: `${label}: slowest /healthz`,
          value: result.healthz.max,
          unit: 'ms',
          ceiling: null,
          ratio: null,
        },
      );
      details.push(
        `- ${label}: ${result.presentationsPerSecond} presentations/s verified, ${result.refused} refused; /healthz p50 ${result.healthz.p50} ms, p99 ${result.healthz.p99} ms (idle p99 ${idleP99} ms), slowest ${result.healthz.max} ms over ${result.healthz.samples} samples`,
      );
    } finally {
      await server.stop();
    }
  }
  const markdown = [
    '## Verification flood (`verify-flood`)',
    '',
    `${FLOOD_CONNECTIONS} connections post presentations of ${PRESENTATION_SIZE} valid credentials for ${options.duration} s, each from its own address; /healthz sampled every ${SAMPLE_EVERY_MS} ms. The /healthz rows' ceiling is its p99 on the same idle server.`,
    '',
    ...details,
    '',
    ...rowsTable(rows),
    '',
  ].join('\n');
  return { suite: 'verify-flood', rows, markdown };
}
