/**
 * The server under test, run as a CHILD process by run.ts (`node --import tsx bench/server.ts`) so that
 * the load generator does not share its event loop. It is the real application (buildApp over
 * createDeps, configured from the environment the parent passes: DATABASE_URL, DATA_DIR,
 * LOG_LEVEL=silent) plus one bare route, CEILING_PATH, that returns a constant small HTML string: the
 * same server's ceiling, through the same global hooks (helmet headers, request context, request id).
 * Listens on 127.0.0.1 on a free port and reports the port over IPC. Exits when told (SIGTERM/SIGINT)
 * or when the parent goes away (IPC disconnect), so it never outlives a failed run.
 */
import { buildApp } from '../src/app.js';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { tuneHeap } from '../src/kernel/heap-tuning.js';
import { CEILING_PATH, type ListeningMessage, MEMORY_PATH } from './protocol.js';

const CEILING_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ceiling</title></head>' +
  '<body><p>Diploma Platform bench ceiling</p></body></html>';

const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0' });
// As startServer does (src/main.ts): the heap's growth bounded from the start.
tuneHeap(config.heapGrowingPercent);
// The parent has migrated and filled the database already.
const deps = await createDeps(config, { migrate: false });
const app = await buildApp(deps);
app.get(CEILING_PATH, { schema: { hide: true } }, async (_request, reply) =>
  reply.type('text/html; charset=utf-8').send(CEILING_HTML),
);
app.get(MEMORY_PATH, { schema: { hide: true } }, async () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  return { ...process.memoryUsage(), collected: collect !== undefined, pressure: app.memoryUsage() };
});
await app.listen({ host: '127.0.0.1', port: 0 });

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(code), 5000).unref();
  try {
    await app.close();
    await deps.close();
  } finally {
    process.exit(code);
  }
}
process.once('SIGTERM', () => void stop(0));
process.once('SIGINT', () => void stop(0));
process.once('disconnect', () => void stop(0));

const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('bench server: no TCP address');
const message: ListeningMessage = { type: 'listening', port: address.port };
if (process.send) process.send(message);
else process.stdout.write(`listening on http://127.0.0.1:${address.port}\n`);
