/**
 * The worker pool verifications run in (issue 11, point 4): `VERIFY_WORKERS` threads (default: one per
 * core but one, at least one), created on first use. With 0 the work runs in-process (tests do this; one
 * test runs the pool). Tasks beyond what the threads can take wait in the pool's bounded queue; a full
 * queue answers 503 (`service_unavailable`) rather than growing.
 */
import { Piscina } from 'piscina';
import { AppError } from '../../../kernel/errors.js';
import { workerModule } from '../../../kernel/worker-module.js';
import type { PresentationVerificationResult, VerificationResult } from './verify.js';
import runVerifyTask, { type VerifyTask } from './verify-worker.js';

/** Tasks waiting for a thread, at most, per thread. */
const QUEUE_PER_THREAD = 16;

let pool: Piscina | null = null;

function poolOf(threads: number): Piscina {
  pool ??= new Piscina({
    // TypeScript run by tsx from the sources, JavaScript from the build.
    ...workerModule(import.meta.url, 'verify-worker'),
    // No thread kept while idle: each holds a V8 heap and the JSON-LD and signing libraries (about 50 MB
    // resident); a burst starts them again (tens of milliseconds) and they end a minute after the last task.
    minThreads: 0,
    maxThreads: threads,
    maxQueue: threads * QUEUE_PER_THREAD,
    idleTimeout: 60_000,
  });
  return pool;
}

/** Runs a verification task on `threads` worker threads (0: in-process). */
export async function runVerification(
  task: VerifyTask,
  threads: number,
): Promise<VerificationResult | PresentationVerificationResult> {
  if (threads <= 0) return runVerifyTask(task);
  try {
    return (await poolOf(threads).run(task)) as VerificationResult | PresentationVerificationResult;
  } catch (error) {
    if (error instanceof Error && /queue is at limit/i.test(error.message))
      throw new AppError('service_unavailable');
    throw error;
  }
}

/** Stops the pool's threads (at shutdown, and after the test that starts them). */
export async function closeVerificationPool(): Promise<void> {
  const running = pool;
  pool = null;
  await running?.destroy();
}
