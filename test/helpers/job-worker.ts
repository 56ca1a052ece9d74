/**
 * A job worker in its own process, for the lease test (src/jobs/job-lease.integration.test.ts): the real
 * runner with its default settings (lease and heartbeat) over the database at DATABASE_URL, running one
 * job kind, `test.lease-long`, that works until it is stopped. The parent kills it (SIGKILL) mid-job.
 * Environment: DATABASE_URL, DATA_DIR, WORKER_ID.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { createDeps } from '../../src/bootstrap.js';
import { parseDatabaseUrl } from '../../src/db/database.js';
import { defineJob, JobInterrupted } from '../../src/jobs/job.js';
import { startJobRunner } from '../../src/jobs/runner.js';
import { testConfig } from './test-deps.js';

const LONG_JOB_KIND = 'test.lease-long';

const config = testConfig({
  dataDir: process.env.DATA_DIR ?? '',
  database: parseDatabaseUrl(process.env.DATABASE_URL ?? ''),
});
const deps = await createDeps(config, { migrate: false });
const longJob = defineJob(LONG_JOB_KIND, z.unknown(), async (context) => {
  process.send?.({ started: context.jobId });
  while (!context.signal.aborted) await sleep(20);
  throw new JobInterrupted();
});
const runner = startJobRunner(deps, [longJob], {
  workerId: process.env.WORKER_ID ?? `worker-${process.pid}`,
  pollMs: 20,
});
process.once('SIGTERM', () => {
  void runner
    .stop()
    .then(() => deps.close())
    .then(() => process.exit(0));
});
