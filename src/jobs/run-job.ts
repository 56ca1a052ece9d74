import type { Deps } from '../deps.js';
import {
  errorText,
  type JobContext,
  type JobHandler,
  JobInterrupted,
  PermanentJobError,
  retryDelayMs,
} from './job.js';
import { claimNextJob, markFailed, markPending, markSucceeded, recordProgress } from './jobs.repository.js';
import type { JobRow } from './jobs.tables.js';

/** How one runner claims and runs jobs. */
export interface RunSettings {
  /** Names this worker in `locked_by` (unique per process). */
  workerId: string;
  /** How long a claim holds before another runner may take the job over (renewed while it runs). */
  lockMs: number;
  /** At most one progress write per this many milliseconds. */
  progressIntervalMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_RUN_SETTINGS: Omit<RunSettings, 'workerId'> = {
  lockMs: 5 * 60_000,
  progressIntervalMs: 1000,
  retryBaseMs: 30_000,
  retryMaxMs: 3_600_000,
};

/**
 * Progress and lock renewal of a running job, written in the background: `report` never waits, so a
 * handler may call it inside a long transaction (on SQLite, whose single connection that transaction
 * holds, the write simply happens after it). A write that finds the lock taken by another worker aborts
 * the handler's signal.
 */
class ProgressWriter {
  private done: number;
  private total: number;
  private dirty = false;
  private queued = false;
  private lastWrite = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly deps: Deps,
    private readonly job: JobRow,
    private readonly settings: RunSettings,
    private readonly controller: AbortController,
  ) {
    this.done = job.progress;
    this.total = job.total;
    this.heartbeat = setInterval(() => this.flush(), Math.max(10, Math.floor(settings.lockMs / 3)));
    this.heartbeat.unref();
  }

  report(done: number, total: number): void {
    this.done = Math.max(0, Math.floor(done));
    this.total = Math.max(0, Math.floor(total));
    this.dirty = true;
    if (Date.now() - this.lastWrite >= this.settings.progressIntervalMs) this.flush();
  }

  flush(): void {
    if (this.queued) return;
    this.queued = true;
    this.writing = this.writing.then(async () => {
      this.queued = false;
      this.dirty = false;
      this.lastWrite = Date.now();
      const now = this.deps.clock.now();
      try {
        const held = await recordProgress(this.deps.db, this.job.id, this.settings.workerId, {
          progress: this.done,
          total: this.total,
          lockedUntil: new Date(now.getTime() + this.settings.lockMs).toISOString(),
          now: now.toISOString(),
        });
        if (!held) this.controller.abort();
      } catch (error) {
        this.deps.log.warn({ err: error, jobId: this.job.id }, 'could not record job progress');
      }
    });
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    if (this.dirty) this.flush();
    await this.writing;
  }
}

/**
 * Claims one due job whose kind has a handler and runs it; false when nothing was due. A failure is
 * retried with exponential back-off until `max_attempts`, then the job is marked failed with its error.
 * Every final write is fenced by the lock: a worker that lost its job (its lock expired and another
 * runner took it over) cannot overwrite the newer run's outcome.
 */
export async function runNextJob(
  deps: Deps,
  handlers: ReadonlyMap<string, JobHandler>,
  settings: RunSettings,
  stopSignal?: AbortSignal,
): Promise<boolean> {
  const claimedAt = deps.clock.now();
  const job = await claimNextJob(deps.db, {
    workerId: settings.workerId,
    kinds: [...handlers.keys()],
    now: claimedAt.toISOString(),
    lockedUntil: new Date(claimedAt.getTime() + settings.lockMs).toISOString(),
  });
  if (!job) return false;
  const handler = handlers.get(job.kind);
  const nowIso = () => deps.clock.now().toISOString();
  if (!handler || job.attempts > job.max_attempts) {
    // Re-claimed after its worker vanished with no attempt left (or the handler went away meanwhile).
    await markFailed(deps.db, job.id, settings.workerId, {
      lastError: job.last_error ?? 'the worker running this job stopped before it finished',
      now: nowIso(),
    });
    return true;
  }
  const controller = new AbortController();
  const onStop = () => controller.abort();
  stopSignal?.addEventListener('abort', onStop, { once: true });
  const progress = new ProgressWriter(deps, job, settings, controller);
  const context: JobContext = {
    jobId: job.id,
    kind: job.kind,
    attempt: job.attempts,
    deps,
    log: deps.log,
    signal: controller.signal,
    progress: (done, total) => progress.report(done, total),
  };
  try {
    const result = await handler.run(context, JSON.parse(job.payload_json));
    await progress.close();
    const held = await markSucceeded(deps.db, job.id, settings.workerId, {
      resultJson: result === undefined ? null : JSON.stringify(result),
      now: nowIso(),
    });
    if (!held) deps.log.warn({ jobId: job.id }, 'job finished after another worker took it over');
  } catch (error) {
    await progress.close();
    await recordFailure(deps, job, settings, error);
  } finally {
    stopSignal?.removeEventListener('abort', onStop);
  }
  return true;
}

async function recordFailure(deps: Deps, job: JobRow, settings: RunSettings, error: unknown) {
  const now = deps.clock.now();
  if (error instanceof JobInterrupted) {
    // Stopped on purpose (shutdown): not a failed attempt; another runner may continue at once.
    await markPending(deps.db, job.id, settings.workerId, {
      runAt: now.toISOString(),
      attempts: Math.max(0, job.attempts - 1),
      lastError: job.last_error,
      now: now.toISOString(),
    });
    return;
  }
  const lastError = errorText(error);
  if (error instanceof PermanentJobError || job.attempts >= job.max_attempts) {
    deps.log.error({ err: error, jobId: job.id, kind: job.kind }, 'job failed');
    await markFailed(deps.db, job.id, settings.workerId, { lastError, now: now.toISOString() });
    return;
  }
  deps.log.warn({ err: error, jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job will be retried');
  const delay = retryDelayMs(job.attempts, settings.retryBaseMs, settings.retryMaxMs);
  await markPending(deps.db, job.id, settings.workerId, {
    runAt: new Date(now.getTime() + delay).toISOString(),
    attempts: job.attempts,
    lastError,
    now: now.toISOString(),
  });
}
