/**
 * Profiling aid (not part of `npm run bench`): renders pages of a kept bench database N times in process
 * (`app.inject`, no network) and records a V8 CPU profile of the measured runs of each path only (the
 * inspector's profiler, as `node --cpu-prof` would, without the start-up). Usage (see README, "Profiling
 * a page"):
 *
 *   DATABASE_URL=<kept database> DATA_DIR=<its folder> npx tsx bench/profile-pages.ts \
 *     [--as email] [--times 300] [--out /tmp/prof] /courses '/courses?q=migration'
 *
 * Prints the mean time and CPU time per request (the CPU time is the steadier figure on a shared machine) (after a warm-up of a tenth of the runs) and writes
 * `<out>/<n>.cpuprofile` per path; `npx tsx bench/profile-summary.ts <file>` lists functions by self time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.js';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/modules/identity/demo/demo-people.js';
import { signIn } from './sign-in.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    as: { type: 'string' },
    times: { type: 'string', default: '300' },
    out: { type: 'string', default: '/tmp/prof' },
    // Measure only (no profiler: its own cost, a fifth of a page's, varies with the load).
    'no-profile': { type: 'boolean', default: false },
    // Rounds per path (each prints its figures; the last line per path gives the lowest CPU time).
    rounds: { type: 'string', default: '1' },
  },
});
const times = Number(values.times);
const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
const deps = await createDeps(config, { migrate: false });
const app = await buildApp(deps);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no TCP address');
const cookie = values.as
  ? await signIn(`http://127.0.0.1:${address.port}`, values.as, process.env.PROFILE_PASSWORD ?? DEMO_PASSWORD)
  : '';

mkdirSync(values.out, { recursive: true });
const session = new Session();
session.connect();
await session.post('Profiler.enable');
const profiling = !values['no-profile'];
const lowest = new Map<string, number>();
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const [index, path] of positionals.entries()) {
    const run = async () => {
      const response = await app.inject({ method: 'GET', url: path, headers: cookie ? { cookie } : {} });
      if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode}`);
      return response.body.length;
    };
    for (let i = 0; i < Math.max(1, Math.round(times / 10)); i++) await run();
    if (profiling) await session.post('Profiler.start');
    const started = performance.now();
    const cpu = process.cpuUsage();
    let bytes = 0;
    for (let i = 0; i < times; i++) bytes = await run();
    const ms = (performance.now() - started) / times;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / times;
    if (profiling) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(`${values.out}/${index + 1}.cpuprofile`, JSON.stringify(profile));
    }
    lowest.set(path, Math.min(lowest.get(path) ?? Number.POSITIVE_INFINITY, cpuMs));
    process.stdout.write(
      `${path}: ${ms.toFixed(2)} ms/request, ${cpuMs.toFixed(2)} ms of CPU (${bytes} bytes)\n`,
    );
  }
}
if (Number(values.rounds) > 1)
  for (const [path, cpuMs] of lowest) process.stdout.write(`lowest ${path}: ${cpuMs.toFixed(2)} ms of CPU\n`);
await app.close();
await deps.close();
