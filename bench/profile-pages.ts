/**
 * Profiling aid (not part of `npm run bench`): renders pages of a kept bench database N times in process
 * (`app.inject`, no network) and records a V8 CPU profile of the measured runs of each path only (the
 * inspector's profiler, as `node --cpu-prof` would, without the start-up). Usage (see README, "Profiling
 * a page"):
 *
 *   DATABASE_URL=<kept database> DATA_DIR=<its folder> npx tsx bench/profile-pages.ts \
 *     [--as email] [--times 300] [--out /tmp/prof] /courses '/courses?q=migration'
 *
 * Two paths of its own measure what every page pays: `/__bench/ceiling` (the bench server's constant page,
 * through the same global hooks) and `/__bench/frame` (the layout around an empty page, with the page
 * context: the signed-in frame without any module's work).
 *
 * With `--http`, the requests come over a real keep-alive connection from a child process instead of
 * `app.inject`, and the CPU time is this process's alone: the server's whole cost of a request (HTTP parsing
 * and writing included), without light-my-request's, which grows with the page's size (about 15 µs per KB
 * of HTML on the loaded machine of 7 December 2026: a 40 KB page paid more for `inject` than for itself).
 *
 * With `--form 'name=value&…'`, each path is a form's POST (in process, or over HTTP with `--http`, sent with
 * an `Origin` as a browser's): the `_csrf` field is read once
 * from the form page at the same path, and every request must answer 303 (a save that redirects), e.g. the
 * admissions suite's save of the "work" step: `--form 'constituency=workers&…&after=next' PATH/steps/work`;
 * the bench's own paths (`/__bench/…`) stay GETs, so the ceiling can be measured in the same run.
 *
 * Prints the mean time and CPU time per request (the CPU time is the steadier figure on a shared machine) (after a warm-up of a tenth of the runs) and writes
 * `<out>/<n>.cpuprofile` per path; `npx tsx bench/profile-summary.ts <file>` lists functions by self time.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { h, type VNode } from 'preact';
import { buildApp } from '../src/app.js';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/modules/identity/demo/demo-people.js';
import { Layout } from '../src/web/layout.js';
import { pageContext } from '../src/web/page-context.js';
import { sendPage } from '../src/web/render.js';
import { CEILING_PATH } from './protocol.js';
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
    // Requests over HTTP from a child process (the server's own CPU time), not app.inject.
    http: { type: 'boolean', default: false },
    // POST this urlencoded body (plus the form's CSRF token) to each path; 303 expected.
    form: { type: 'string' },
  },
});
const times = Number(values.times);
const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
const deps = await createDeps(config, { migrate: false });
const app = await buildApp(deps);
app.get(CEILING_PATH, { schema: { hide: true } }, async (_request, reply) =>
  reply.type('text/html; charset=utf-8').send('<!doctype html><html><body><p>ceiling</p></body></html>'),
);
app.get('/__bench/frame', { schema: { hide: true } }, async (request, reply) =>
  sendPage(
    reply,
    h(Layout, { ctx: pageContext(request, reply), title: 'Frame', children: h('p', null, 'frame') }) as VNode,
  ),
);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no TCP address');
const cookie = values.as
  ? await signIn(`http://127.0.0.1:${address.port}`, values.as, process.env.PROFILE_PASSWORD ?? DEMO_PASSWORD)
  : '';

/**
 * The child that asks for the pages over one keep-alive connection (`--http`); with a body, it posts it as a
 * urlencoded form (`--form`) and expects a 303.
 */
const CLIENT = `
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const [port, cookie] = process.argv.slice(1);
const origin = 'http://127.0.0.1:' + port;
const ask = (path, body) => new Promise((resolve, reject) => {
  const headers = cookie ? { cookie } : {};
  if (body !== undefined) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin });
  const expected = body === undefined ? 200 : 303;
  const request = http.request({ host: '127.0.0.1', port, path, agent, headers, method: body === undefined ? 'GET' : 'POST' }, (res) => {
    let bytes = 0;
    res.on('data', (chunk) => { bytes += chunk.length; });
    res.on('end', () => (res.statusCode === expected ? resolve(bytes) : reject(new Error(path + ': ' + res.statusCode))));
  });
  request.on('error', reject);
  request.end(body);
});
let input = '';
process.stdin.on('data', async (data) => {
  input += data;
  for (let end = input.indexOf('\\n'); end >= 0; end = input.indexOf('\\n')) {
    const [count, path, body] = JSON.parse(input.slice(0, end));
    input = input.slice(end + 1);
    let bytes = 0;
    for (let i = 0; i < count; i++) bytes = await ask(path, body === null ? undefined : body);
    process.stdout.write(bytes + '\\n');
  }
});`;
const client = values.http
  ? spawn(process.execPath, ['-e', CLIENT, String(address.port), cookie], {
      stdio: ['pipe', 'pipe', 'inherit'],
    })
  : null;
const answers: ((bytes: number) => void)[] = [];
let output = '';
client?.stdout?.on('data', (data: Buffer) => {
  output += data.toString();
  for (let end = output.indexOf('\n'); end >= 0; end = output.indexOf('\n')) {
    answers.shift()?.(Number(output.slice(0, end)));
    output = output.slice(end + 1);
  }
});
/** `count` requests for `path` made by the child, one after the other (a POST of `body`); the last body's size. */
const overHttp = (count: number, path: string, body: string | null = null) =>
  new Promise<number>((resolve) => {
    answers.push(resolve);
    client?.stdin?.write(`${JSON.stringify([count, path, body])}\n`);
  });

/** The POST of `body` to the form at `path`, with the CSRF token its page carries (`--form`). */
async function formPost(path: string, body: string) {
  const page = await app.inject({ method: 'GET', url: path, headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`${path}: no CSRF token on the form's page (${page.statusCode})`);
  return {
    method: 'POST' as const,
    url: path,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `${body}&_csrf=${encodeURIComponent(token)}`,
  };
}

mkdirSync(values.out, { recursive: true });
const session = new Session();
session.connect();
await session.post('Profiler.enable');
const profiling = !values['no-profile'];
const lowest = new Map<string, number>();
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const [index, path] of positionals.entries()) {
    // The bench's own paths (`/__bench/ceiling`, `/__bench/frame`) stay GETs, so a form is compared with
    // the ceiling measured in the same run.
    const form =
      values.form === undefined || path.startsWith('/__bench/') ? null : await formPost(path, values.form);
    const run = async () => {
      const response = await app.inject(
        form ?? { method: 'GET', url: path, headers: cookie ? { cookie } : {} },
      );
      if (response.statusCode !== (form ? 303 : 200)) throw new Error(`${path}: ${response.statusCode}`);
      return response.body.length;
    };
    const warmUp = Math.max(1, Math.round(times / 10));
    if (client) await overHttp(warmUp, path, form?.payload ?? null);
    else for (let i = 0; i < warmUp; i++) await run();
    if (profiling) await session.post('Profiler.start');
    const started = performance.now();
    const cpu = process.cpuUsage();
    let bytes = 0;
    if (client) bytes = await overHttp(times, path, form?.payload ?? null);
    else for (let i = 0; i < times; i++) bytes = await run();
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
client?.kill();
await app.close();
await deps.close();
