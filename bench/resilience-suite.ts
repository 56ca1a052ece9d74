/**
 * The resilience suite (issue 11, points 10 and 11): the demo data, the application in a child process,
 * - **overload**: the catalogue page at 10, 50 and `--overload-connections` (200) connections: the share
 *   of 503 (load shedding), the p99 of every response, timeouts, and /healthz and /readyz probed
 *   meanwhile (alive, and honest about the overload);
 * - **soak**: rounds of `--soak-requests` requests of each kind (public pages, a signed-in page, the
 *   JSON API, the VC-API, a 404, a refused form), the child's memory read after a full garbage
 *   collection after each round: a leak shows as growth from round to round.
 */
import { sql } from 'kysely';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/modules/identity/demo/demo-people.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createBenchDatabase } from './bench-database.js';
import { type MixedResult, measureMixed } from './load.js';
import type { BenchOptions, SuiteHooks } from './options.js';
import { MEMORY_PATH } from './protocol.js';
import { type BenchRow, round, rowsTable, type SuiteReport } from './report.js';
import { startServerChild } from './server-process.js';
import { signIn } from './sign-in.js';

const MIB = 1024 * 1024;
/** Soak rounds after the warm-up round. */
const SOAK_ROUNDS = 4;

interface Probe {
  status: number;
  ms: number;
}

export async function runResilienceSuite(options: BenchOptions, hooks: SuiteHooks): Promise<SuiteReport> {
  const { say } = hooks;
  const database = await createBenchDatabase(options.dialect, options.keep);
  hooks.onCleanup(() => database.drop());
  const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  const deps = await createDeps(loadConfig(env));
  await seedDemo(deps);
  const course = await sql<{ code: string }>`select code from courses order by code limit 1`.execute(deps.db);
  const courseCode = course.rows[0]?.code ?? 'LMA';
  await deps.close();

  const server = await startServerChild(env);
  hooks.onCleanup(() => server.stop());
  say(`Server under test: ${server.origin} (child pid ${server.pid})`);
  const origin = server.origin;
  await untilReady(origin, say);
  const cookie = await signIn(origin, 'manager@example.org', DEMO_PASSWORD);

  // Overload: the same page at rising concurrency, health probed meanwhile.
  const overload: { connections: number; result: MixedResult; healthz: Probe[]; readyz: Probe[] }[] = [];
  for (const connections of [10, 50, options.overloadConnections]) {
    say(`→ overload: /courses at ${connections} connections`);
    await measureMixed(`${origin}/courses`, { connections, duration: options.warmup || 1 });
    await pause(1500);
    const probes = probeHealth(origin);
    const result = await measureMixed(`${origin}/courses`, { connections, duration: options.duration });
    const { healthz, readyz } = await probes.stop();
    overload.push({ connections, result, healthz, readyz });
    say(`  ${describeMixed(result)}; /healthz ${describeProbes(healthz)}; /readyz ${describeProbes(readyz)}`);
    await pause(1500);
  }

  // Soak: rounds of every kind of request; memory after a full collection after each round.
  const kinds: {
    name: string;
    path: string;
    method?: string;
    body?: string;
    headers?: Record<string, string>;
  }[] = [
    { name: 'catalogue page', path: '/courses' },
    { name: 'course page', path: `/courses/${courseCode}` },
    { name: 'signed-in page', path: '/account', headers: { cookie } },
    { name: 'JSON API', path: '/api/v1/courses' },
    {
      name: 'VC-API verify (refused, then rate-limited)',
      path: '/credentials/verify',
      method: 'POST',
      body: '{"verifiableCredential":{}}',
      headers: { 'content-type': 'application/json' },
    },
    { name: 'not found', path: '/no-such-page' },
    {
      name: 'form without CSRF token (403)',
      path: '/sign-in',
      method: 'POST',
      body: 'email=a%40b.c&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
  ];
  const memory: { round: number; rss: number; heapUsed: number; external: number }[] = [];
  for (let roundNumber = 0; roundNumber <= SOAK_ROUNDS; roundNumber++) {
    for (const kind of kinds) {
      await measureMixed(origin + kind.path, {
        connections: 10,
        amount: options.soakRequests,
        ...(kind.method ? { method: kind.method } : {}),
        ...(kind.body ? { body: kind.body } : {}),
        ...(kind.headers ? { headers: kind.headers } : {}),
      });
    }
    const usage = (await (await fetch(origin + MEMORY_PATH)).json()) as NodeJS.MemoryUsage;
    memory.push({ round: roundNumber, rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external });
    say(
      `→ soak round ${roundNumber}${roundNumber === 0 ? ' (warm-up)' : ''}: ${kinds.length} × ${options.soakRequests} requests; ` +
        `RSS ${(usage.rss / MIB).toFixed(0)} MiB, heap ${(usage.heapUsed / MIB).toFixed(1)} MiB after GC`,
    );
  }
  await server.stop();

  const rows = resilienceRows(overload, memory);
  const markdown = renderSection(
    options,
    overload,
    memory,
    kinds.map((k) => `${k.name} (\`${k.method ?? 'GET'} ${k.path}\`)`),
    rows,
  );
  return { suite: 'resilience', rows, markdown };
}

/** Waits (up to 60 s) until /readyz says ready: the server is not shedding load after its start. */
async function untilReady(origin: string, say: (text: string) => void): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    const response = await fetch(`${origin}/readyz`);
    const body = await response.text();
    if (response.status === 200) return;
    if (Date.now() > until) throw new Error(`the server never became ready: ${response.status} ${body}`);
    const pressure = await (await fetch(origin + MEMORY_PATH)).json();
    say(`  not ready yet (${body}; ${JSON.stringify((pressure as { pressure: unknown }).pressure)})`);
    await pause(500);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Probes /healthz and /readyz every 250 ms until stopped. */
function probeHealth(origin: string) {
  const healthz: Probe[] = [];
  const readyz: Probe[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      for (const [path, into] of [
        ['/healthz', healthz],
        ['/readyz', readyz],
      ] as const) {
        const started = performance.now();
        try {
          const response = await fetch(origin + path, { signal: AbortSignal.timeout(10_000) });
          await response.text();
          into.push({ status: response.status, ms: performance.now() - started });
        } catch {
          into.push({ status: 0, ms: performance.now() - started });
        }
      }
      await pause(250);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { healthz, readyz };
    },
  };
}

const share = (result: MixedResult, status: string) =>
  result.responses ? (result.statuses[status] ?? 0) / result.responses : 0;

function describeMixed(r: MixedResult): string {
  const codes = Object.entries(r.statuses)
    .map(([code, n]) => `${n} × ${code}`)
    .join(', ');
  return `${Math.round(r.requestsPerSecond)} responses/s (${codes}), 503 share ${(share(r, '503') * 100).toFixed(1)} %, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, ${r.timeouts} timeouts, ${r.errors} errors`;
}

function describeProbes(probes: Probe[]): string {
  const statuses: Record<number, number> = {};
  for (const p of probes) statuses[p.status] = (statuses[p.status] ?? 0) + 1;
  const max = Math.max(0, ...probes.map((p) => p.ms));
  return `${Object.entries(statuses)
    .map(([s, n]) => `${n} × ${s}`)
    .join(', ')} (slowest ${max.toFixed(0)} ms)`;
}

function row(name: string, value: number, unit: string, digits = 1): BenchRow {
  return { name, value: round(value, digits), unit, ceiling: null, ratio: null };
}

function resilienceRows(
  overload: { connections: number; result: MixedResult; healthz: Probe[] }[],
  memory: { round: number; rss: number; heapUsed: number }[],
): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const { connections, result, healthz } of overload) {
    rows.push(row(`overload /courses ${connections} conn.: 503 share`, share(result, '503') * 100, '%'));
    rows.push(row(`overload /courses ${connections} conn.: p99 (every response)`, result.p99Ms, 'ms'));
    rows.push(row(`overload /courses ${connections} conn.: timeouts`, result.timeouts, 'count', 0));
    rows.push(
      row(
        `overload /courses ${connections} conn.: slowest /healthz`,
        Math.max(0, ...healthz.map((p) => p.ms)),
        'ms',
        0,
      ),
    );
  }
  for (const m of memory.slice(1)) {
    rows.push(row(`soak round ${m.round}: RSS after GC`, m.rss / MIB, 'MiB'));
    rows.push(row(`soak round ${m.round}: heap used after GC`, m.heapUsed / MIB, 'MiB'));
  }
  return rows;
}

function renderSection(
  options: BenchOptions,
  overload: { connections: number; result: MixedResult; healthz: Probe[]; readyz: Probe[] }[],
  memory: { round: number; rss: number; heapUsed: number; external: number }[],
  kinds: string[],
  rows: BenchRow[],
): string {
  const lines = [
    `## Resilience: load shedding and memory (${options.dialect}, ${new Date().toISOString()})`,
    '',
    `Overload: \`/courses\` (demo data) for ${options.duration} s at each concurrency; /healthz and /readyz probed every 250 ms meanwhile.`,
    '',
    '| connections | responses/s | statuses | 503 share | p50 | p99 | timeouts | /healthz | /readyz |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...overload.map(
      ({ connections, result: r, healthz, readyz }) =>
        `| ${connections} | ${Math.round(r.requestsPerSecond)} | ${Object.entries(r.statuses)
          .map(([c, n]) => `${n} × ${c}`)
          .join(
            ', ',
          )} | ${(share(r, '503') * 100).toFixed(1)} % | ${r.p50Ms.toFixed(1)} ms | ${r.p99Ms.toFixed(1)} ms | ${r.timeouts} | ${describeProbes(healthz)} | ${describeProbes(readyz)} |`,
    ),
    '',
    `Soak: ${SOAK_ROUNDS} rounds (after a warm-up round 0) of ${options.soakRequests} requests of each kind at 10 connections: ${kinds.join(', ')}. Memory of the server after a full garbage collection:`,
    '',
    '| round | RSS | heap used | external |',
    '| --- | --- | --- | --- |',
    ...memory.map(
      (m) =>
        `| ${m.round}${m.round === 0 ? ' (warm-up)' : ''} | ${(m.rss / MIB).toFixed(0)} MiB | ${(m.heapUsed / MIB).toFixed(1)} MiB | ${(m.external / MIB).toFixed(1)} MiB |`,
    ),
    '',
    ...rowsTable(rows),
    '',
  ];
  return lines.join('\n');
}
