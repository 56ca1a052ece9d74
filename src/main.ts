import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { createDeps } from './bootstrap.js';
import type { Config } from './config.js';
import type { Deps } from './deps.js';
import { PDF_TEXT_MISSING, pdfTextAvailable } from './integrations/pdf-text.js';
import { startJobRunner } from './jobs/runner.js';
import { tuneHeap } from './kernel/heap-tuning.js';
import { newId } from './kernel/ids.js';
import { closeSigningPool } from './modules/credentials/issuing/sign-pool.js';
import { checkPdfFonts } from './modules/credentials/pdf/index.js';
import { closeVerificationPool } from './modules/credentials/verifying/verify-pool.js';
import { allDailyJobs, allJobHandlers } from './modules/index.js';

/** Grace period for in-flight requests at shutdown. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Starts the HTTP server and the job runner, and stops both gracefully on SIGINT/SIGTERM (in-flight
 * requests finish, the running job finishes or is handed back, then the database closes).
 * `beforeListen` runs after migrations (the CLI loads the demo data there).
 */
export async function startServer(
  config: Config,
  beforeListen?: (deps: Deps) => Promise<void>,
): Promise<{ app: FastifyInstance; url: string; stop(): Promise<void> }> {
  tuneHeap(config.heapGrowingPercent);
  const deps = await createDeps(config);
  // Fail at start, with a message naming the variable or file, when a configured signing key is unusable.
  await deps.signer.keyring();
  const fonts = checkPdfFonts();
  if (!fonts.ok) deps.log.warn({ missing: fonts.missing.map((m) => m.face) }, fonts.message);
  // Optional: without poppler-utils the platform runs, and says plainly what the similarity check leaves out.
  if (!(await pdfTextAvailable())) deps.log.warn({ missing: 'pdftotext' }, PDF_TEXT_MISSING);
  if (beforeListen) await beforeListen(deps);
  const app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  // One job runner per process; several processes may share a PostgreSQL database (docs/operations.md).
  const jobs = startJobRunner(deps, allJobHandlers(deps.modules), {
    pollMs: 1000,
    workerId: `${hostname()}:${process.pid}:${newId().slice(-8)}`,
    daily: allDailyJobs(deps.modules),
  });
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      const timer = setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS);
      timer.unref();
      await Promise.all([app.close(), jobs.stop(), closeVerificationPool(), closeSigningPool()]);
      await deps.close();
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      void stop().then(() => process.exit(0));
    });
  }
  return { app, url: config.baseUrl, stop };
}
