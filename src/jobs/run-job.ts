import type { Deps } from '../deps.js';
import {
  errorText,
  type JobContext,
  type JobHandler,
  JobInterrupted,
  type JobOutcome,
  retryDelayMs,
} from './job.js';
import { classifyJobError, isFinalAtOnce } from './job-errors.js';
import {
  claimMoreJobs,
  claimNextJob,
  markFailed,
  markPending,
  markSucceeded,
  recordProgress,
} from './jobs.repository.js';
import type { JobRow } from './jobs.tables.js';

/** How one runner claims and runs jobs. */
export interface RunSettings {
  /** Names this worker in `locked_by` (unique per process). */
  workerId: string;
  /**
   * The lease: how long a claim holds before another runner may take the job over. A heartbeat renews
   * it while the job runs, so only a dead (or frozen) worker's job is taken over, about this long after.
   */
  lockMs: number;
  /** How often the heartbeat renews the lease (default: a third of it, so two beats may fail). */
  heartbeatMs?: number | undefined;
  /** At most one progress write per this many milliseconds. */
  progressIntervalMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Environmental failures retried before the job is marked failed (on their own budget). */
  environmentMaxFailures: number;
}

/** The lease of a claimed job (renewed every `JOB_LEASE_MS / 3` while it runs). */
export const JOB_LEASE_MS = 30_000;

/**
 * With retries at most an hour apart, 72 environmental failures keep a job trying for about three days:
 * long enough for an operator to repair the machine over a weekend.
 */
export const ENVIRONMENT_MAX_FAILURES = 72;

export const DEFAULT_RUN_SETTINGS: Omit<RunSettings, 'workerId'> = {
  lockMs: JOB_LEASE_MS,
  progressIntervalMs: 1000,
  retryBaseMs: 30_000,
  retryMaxMs: 3_600_000,
  environmentMaxFailures: ENVIRONMENT_MAX_FAILURES,
};

/**
 * Progress and lease renewal (the heartbeat) of a running job, written in the background: `report` never
 * waits, so a handler may call it inside a long transaction (on SQLite, whose single connection that
 * transaction holds, the write simply happens after it). The heartbeat renews the lease on a timer, whether
 * the handler reports progress or not. The handler's signal is aborted when a write finds the job taken by
 * another worker, or when the lease ran out before it could be renewed (the database was unreachable):
 * another worker may then take the job, so this one must stop between batches.
 */
class ProgressWriter {
  private done: number;
  private total: number;
  private dirty = false;
  private queued = false;
  private lastWrite = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly heartbeat: NodeJS.Timeout;
  /** Until when this worker holds the job, as last written. */
  private leaseEnd: number;

  constructor(
    private readonly deps: Deps,
    private readonly job: JobRow,
    private readonly settings: RunSettings,
    private readonly controller: AbortController,
  ) {
    this.done = job.progress;
    this.total = job.total;
    this.leaseEnd = job.locked_until ? Date.parse(job.locked_until) : 0;
    const every = settings.heartbeatMs ?? Math.floor(settings.lockMs / 3);
    this.heartbeat = setInterval(() => this.flush(), Math.max(10, every));
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
      const leaseEnd = now.getTime() + this.settings.lockMs;
      try {
        const held = await recordProgress(this.deps.db, this.job.id, this.settings.workerId, {
          progress: this.done,
          total: this.total,
          lockedUntil: new Date(leaseEnd).toISOString(),
          now: now.toISOString(),
        });
        if (held) this.leaseEnd = leaseEnd;
        else this.controller.abort();
      } catch (error) {
        this.deps.log.warn({ err: error, jobId: this.job.id }, 'could not renew the job lease');
        if (this.deps.clock.now().getTime() >= this.leaseEnd) this.controller.abort();
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
  return (await runNextJobs(deps, handlers, settings, stopSignal)) > 0;
}

/**
 * `runNextJob`, saying how many jobs ran: one, or a whole batch of a kind that runs several at once
 * (`JobHandler.batch`); 0 when nothing was due.
 */
export async function runNextJobs(
  deps: Deps,
  handlers: ReadonlyMap<string, JobHandler>,
  settings: RunSettings,
  stopSignal?: AbortSignal,
): Promise<number> {
  const claimedAt = deps.clock.now();
  const job = await claimNextJob(deps.db, {
    workerId: settings.workerId,
    kinds: [...handlers.keys()],
    now: claimedAt.toISOString(),
    lockedUntil: new Date(claimedAt.getTime() + settings.lockMs).toISOString(),
  });
  if (!job) return 0;
  const handler = handlers.get(job.kind);
  const nowIso = () => deps.clock.now().toISOString();
  if (!handler || job.attempts > job.max_attempts) {
    // Re-claimed after its worker vanished with no attempt left (or the handler went away meanwhile).
    await markFailed(deps.db, job.id, settings.workerId, {
      lastError: job.last_error ?? 'the worker running this job stopped before it finished',
      errorKind: job.last_error ? (job.error_kind ?? 'internal') : 'worker-lost',
      environmentFailures: job.environment_failures,
      now: nowIso(),
    });
    return 1;
  }
  if (handler.batch && handler.batch.size > 1) {
    // A kind that runs several at once: its due companions are claimed too (one statement) and run together.
    const more = await claimMoreJobs(deps.db, {
      workerId: settings.workerId,
      kind: job.kind,
      now: claimedAt.toISOString(),
      lockedUntil: new Date(claimedAt.getTime() + settings.lockMs).toISOString(),
      limit: handler.batch.size - 1,
    });
    await runBatch(deps, handler.batch, [job, ...more], settings, stopSignal);
    return 1 + more.length;
  }
  const controller = new AbortController();
  const onStop = () => controller.abort();
  stopSignal?.addEventListener('abort', onStop, { once: true });
  // Stopped while the claim was on its way: an aborted signal never fires again, so stop now.
  if (stopSignal?.aborted) controller.abort();
  const progress = new ProgressWriter(deps, job, settings, controller);
  const context = contextOf(deps, job, controller, progress);
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
  return 1;
}

function contextOf(
  deps: Deps,
  job: JobRow,
  controller: AbortController,
  progress: ProgressWriter,
): JobContext {
  return {
    jobId: job.id,
    kind: job.kind,
    attempt: job.attempts,
    deps,
    log: deps.log,
    signal: controller.signal,
    progress: (done, total) => progress.report(done, total),
  };
}

/**
 * Runs claimed jobs of one batch kind together; each then succeeds (the successes in one transaction) or
 * fails by its own outcome. A batch that throws fails every job of it with that error (each retried).
 */
async function runBatch(
  deps: Deps,
  batch: NonNullable<JobHandler['batch']>,
  jobs: JobRow[],
  settings: RunSettings,
  stopSignal?: AbortSignal,
): Promise<void> {
  const controllers = jobs.map(() => new AbortController());
  const onStop = () => {
    for (const controller of controllers) controller.abort();
  };
  stopSignal?.addEventListener('abort', onStop, { once: true });
  if (stopSignal?.aborted) onStop();
  const writers = jobs.map((job, index) => new ProgressWriter(deps, job, settings, controllers[index]!));
  const contexts = jobs.map((job, index) => contextOf(deps, job, controllers[index]!, writers[index]!));
  try {
    let outcomes: JobOutcome[];
    try {
      outcomes = await batch.run(
        contexts,
        jobs.map((job) => JSON.parse(job.payload_json)),
      );
    } catch (error) {
      outcomes = jobs.map(() => ({ ok: false, error }));
    }
    await Promise.all(writers.map((writer) => writer.close()));
    const now = deps.clock.now().toISOString();
    const lost = await deps.db.transaction().execute(async (trx) => {
      const notHeld: string[] = [];
      for (const [index, job] of jobs.entries()) {
        const outcome = outcomes[index];
        if (!outcome?.ok) continue;
        const resultJson = outcome.result === undefined ? null : JSON.stringify(outcome.result);
        if (!(await markSucceeded(trx, job.id, settings.workerId, { resultJson, now }))) notHeld.push(job.id);
      }
      return notHeld;
    });
    for (const jobId of lost) deps.log.warn({ jobId }, 'job finished after another worker took it over');
    for (const [index, job] of jobs.entries()) {
      const outcome = outcomes[index];
      if (!outcome?.ok)
        await recordFailure(deps, job, settings, outcome ? outcome.error : new Error('no outcome'));
    }
  } finally {
    stopSignal?.removeEventListener('abort', onStop);
  }
}

async function recordFailure(deps: Deps, job: JobRow, settings: RunSettings, error: unknown) {
  const now = deps.clock.now();
  if (error instanceof JobInterrupted) {
    // Stopped on purpose (shutdown): not a failed attempt; another runner may continue at once.
    await markPending(deps.db, job.id, settings.workerId, {
      runAt: now.toISOString(),
      attempts: Math.max(0, job.attempts - 1),
      environmentFailures: job.environment_failures,
      lastError: job.last_error,
      errorKind: job.error_kind,
      now: now.toISOString(),
    });
    return;
  }
  const lastError = errorText(error);
  const errorKind = classifyJobError(error);
  const context = { err: error, jobId: job.id, kind: job.kind, errorKind };
  if (errorKind === 'environment') {
    // Not the job's fault: retried on its own budget, without spending the job's attempts.
    const failures = job.environment_failures + 1;
    if (failures < settings.environmentMaxFailures) {
      deps.log.warn({ ...context, environmentFailures: failures }, 'job will be retried (environment)');
      await markPending(deps.db, job.id, settings.workerId, {
        runAt: new Date(
          now.getTime() + retryDelayMs(failures, settings.retryBaseMs, settings.retryMaxMs),
        ).toISOString(),
        attempts: Math.max(0, job.attempts - 1),
        environmentFailures: failures,
        lastError,
        errorKind,
        now: now.toISOString(),
      });
      return;
    }
  }
  if (errorKind === 'environment' || isFinalAtOnce(errorKind) || job.attempts >= job.max_attempts) {
    deps.log.error(context, 'job failed');
    await markFailed(deps.db, job.id, settings.workerId, {
      lastError,
      errorKind,
      environmentFailures: job.environment_failures + (errorKind === 'environment' ? 1 : 0),
      now: now.toISOString(),
    });
    return;
  }
  deps.log.warn({ ...context, attempt: job.attempts }, 'job will be retried');
  const delay = retryDelayMs(job.attempts, settings.retryBaseMs, settings.retryMaxMs);
  await markPending(deps.db, job.id, settings.workerId, {
    runAt: new Date(now.getTime() + delay).toISOString(),
    attempts: job.attempts,
    environmentFailures: job.environment_failures,
    lastError,
    errorKind,
    now: now.toISOString(),
  });
}
