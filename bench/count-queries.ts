/**
 * Profiling aid (not part of `npm run bench`): the SQL statements one request of each path runs, on a kept
 * SQLite bench database (after one warm-up request). Counts what better-sqlite3 executes, so it sees every
 * statement whichever module sends it (sessions, notifications, the page's own), with the time each took.
 *
 *   DATABASE_URL=<kept database> DATA_DIR=<its folder> npx tsx bench/count-queries.ts EMAIL PATH…
 *
 * EMAIL `-` requests the paths as an anonymous visitor (no sign-in, no cookie): the public pages.
 */
import SQLite from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/modules/identity/demo/demo-people.js';
import { signIn } from './sign-in.js';

const [as, ...paths] = process.argv.slice(2);
if (!as || paths.length === 0) throw new Error('usage: count-queries.ts EMAIL PATH…');
const config = loadConfig({
  ...process.env,
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'silent',
  SHED_EVENT_LOOP_DELAY_MS: '0',
  SHED_MAX_IN_FLIGHT: '0',
});
const deps = await createDeps(config, { migrate: false });
const app = await buildApp(deps);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no TCP address');
const cookie =
  as === '-'
    ? ''
    : await signIn(`http://127.0.0.1:${address.port}`, as, process.env.PROFILE_PASSWORD ?? DEMO_PASSWORD);
const statement = Object.getPrototypeOf(new SQLite(':memory:').prepare('select 1')) as Record<
  string,
  (...args: unknown[]) => unknown
>;
let log: { sql: string; micros: number }[] | null = null;
for (const method of ['all', 'run', 'get', 'iterate']) {
  const original = statement[method]!;
  statement[method] = function (this: { source: string }, ...args: unknown[]) {
    if (!log) return original.apply(this, args);
    const started = process.hrtime.bigint();
    const out = original.apply(this, args);
    log.push({ sql: this.source, micros: Number(process.hrtime.bigint() - started) / 1000 });
    return out;
  };
}
for (const path of paths) {
  await app.inject({ url: path, headers: cookie ? { cookie } : {} });
  log = [];
  const response = await app.inject({ url: path, headers: cookie ? { cookie } : {} });
  process.stdout.write(
    `${path}: ${response.statusCode}, ${response.body.length} bytes, ${log.length} statements\n`,
  );
  // Each statement with the time better-sqlite3 took to run it (µs; `iterate` counts only its start).
  for (const { sql, micros } of log)
    process.stdout.write(`  ${micros.toFixed(0).padStart(6)} µs  ${sql.slice(0, 190)}\n`);
  log = null;
}
await app.close();
await deps.close();
