import { setTimeout as sleep } from 'node:timers/promises';
import type { Deps } from '../deps.js';
import { toDateString } from '../kernel/clock.js';
import type { DailyJob, JobHandler } from './job.js';
import { enqueueJob } from './queue.js';
import { DEFAULT_RUN_SETTINGS, type RunSettings, runNextJob, runNextJobs } from './run-job.js';

export interface RunnerOptions extends Partial<Omit<RunSettings, 'workerId'>> {
  /** Wait between looks at the queue when it is empty. */
  pollMs: number;
  workerId: string;
  /** Jobs enqueued once a day (the first poll of each UTC day). */
  daily?: readonly DailyJob[];
  /** How long `stop()` waits for a running job before giving up on it (its lock then expires). */
  stopTimeoutMs?: number;
}

export interface JobRunner {
  /** Stops polling, asks the running job to stop, and waits for it (up to `stopTimeoutMs`). */
  stop(): Promise<void>;
}

function settingsOf(options: Partial<RunSettings> & { workerId: string }): RunSettings {
  return { ...DEFAULT_RUN_SETTINGS, ...definedOnly(options), workerId: options.workerId };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function handlerMap(handlers: readonly JobHandler[]): Map<string, JobHandler> {
  return new Map(handlers.map((h) => [h.kind, h]));
}

/** Enqueues today's run of every daily job that has a handler (a no-op when it exists already). */
export async function scheduleDailyJobs(
  deps: Deps,
  daily: readonly DailyJob[],
  handlers: ReadonlyMap<string, JobHandler>,
): Promise<void> {
  const day = toDateString(deps.clock.now());
  for (const job of daily) {
    if (!handlers.has(job.kind)) continue;
    await enqueueJob(deps.db, deps.clock, {
      kind: job.kind,
      payload: job.payload(day),
      idempotencyKey: job.key(day),
    });
  }
}

/**
 * Starts the job runner of this process: it claims due jobs one at a time and runs them, sleeping
 * `pollMs` when the queue is empty. One runner per process; any number of processes may share a
 * PostgreSQL database (claims are atomic and locks expire, so a crashed worker's job is taken over).
 */
export function startJobRunner(
  deps: Deps,
  handlers: readonly JobHandler[],
  options: RunnerOptions,
): JobRunner {
  const settings = settingsOf(options);
  const byKind = handlerMap(handlers);
  const controller = new AbortController();
  let scheduledDay: string | null = null;
  const loop = async () => {
    while (!controller.signal.aborted) {
      try {
        const day = toDateString(deps.clock.now());
        if (options.daily && scheduledDay !== day) {
          await scheduleDailyJobs(deps, options.daily, byKind);
          scheduledDay = day;
        }
        if (await runNextJob(deps, byKind, settings, controller.signal)) continue;
      } catch (error) {
        if (controller.signal.aborted) break;
        deps.log.error({ err: error }, 'job runner: could not run the queue');
      }
      await sleep(options.pollMs, undefined, { signal: controller.signal, ref: false }).catch(() => {});
    }
  };
  const running = loop();
  // A started runner is a service, like a listening server: it keeps its process alive until stopped (its
  // polling sleeps do not, so that stop() is never kept waiting by them). Without this a process that only
  // runs jobs exited as soon as the queue was empty.
  const keepAlive = setInterval(() => {}, 1 << 30);
  let stopping: Promise<void> | null = null;
  return {
    stop: () => {
      stopping ??= (async () => {
        clearInterval(keepAlive);
        controller.abort();
        const timeout = sleep(options.stopTimeoutMs ?? 8000, 'timeout', { ref: false });
        if ((await Promise.race([running.then(() => 'stopped'), timeout])) === 'timeout')
          deps.log.warn({ workerId: settings.workerId }, 'job runner stopped with a job still running');
      })();
      return stopping;
    },
  };
}

/**
 * Runs due jobs until none is left (tests and one-off commands); returns how many ran (a batch counts
 * each of its jobs; `maxJobs` may be passed by part of the last batch). Jobs scheduled for later
 * (retries) are not waited for.
 */
export async function runJobsUntilIdle(
  deps: Deps,
  handlers: readonly JobHandler[],
  options: Partial<RunSettings> & { workerId?: string; maxJobs?: number } = {},
): Promise<number> {
  const settings = settingsOf({ ...options, workerId: options.workerId ?? 'inline' });
  const byKind = handlerMap(handlers);
  let count = 0;
  while (count < (options.maxJobs ?? 10_000)) {
    const ran = await runNextJobs(deps, byKind, settings);
    if (ran === 0) break;
    count += ran;
  }
  return count;
}
