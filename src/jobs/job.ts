import type { z } from 'zod';
import type { Deps, Logger } from '../deps.js';
import { AppError } from '../kernel/errors.js';

/**
 * The database-backed job queue: the shapes modules use to register what a job kind does. A handler must
 * be idempotent: a job can run again after a crash, after its lock expired, or when an administrator
 * retries it, and running it twice must leave the same state as running it once.
 */

/** The life of a job: pending (waiting for run_at) → running (claimed, locked) → succeeded | failed. */
export const JOB_STATUSES = ['pending', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** What a handler gets for one run. */
export interface JobContext {
  jobId: string;
  kind: string;
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number;
  deps: Deps;
  log: Logger;
  /** Aborted when the runner stops or loses the job's lock: stop between batches (throw JobInterrupted). */
  signal: AbortSignal;
  /**
   * Reports progress (shown on the import page and to administrators). Never blocks: the value is written
   * in the background, so it is safe to call inside a transaction (on SQLite the write waits for it).
   */
  progress(done: number, total: number): void;
}

/** One job kind: its payload schema and what it does. */
export interface JobHandler {
  kind: string;
  run(context: JobContext, payload: unknown): Promise<unknown>;
  /**
   * Jobs of this kind may run several at once (one claim, one run; e.g. one transaction for many
   * certificates): the runner claims up to `size` due jobs of the kind and hands them over together. Each
   * job still succeeds or fails on its own, by the outcome at its place.
   */
  batch?: { size: number; run(contexts: JobContext[], payloads: unknown[]): Promise<JobOutcome[]> };
}

/** What became of one job of a batch: its result, or the error it fails with (retried as any failure). */
export type JobOutcome = { ok: true; result: unknown } | { ok: false; error: unknown };

/** Thrown by a handler that stopped early because `signal` was aborted: the job goes back to the queue. */
export class JobInterrupted extends Error {
  constructor() {
    super('job interrupted');
    this.name = 'JobInterrupted';
  }
}

/** Thrown for failures that no retry can fix (an invalid payload): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** Declares a job kind whose payload is checked by `payload` before `run` sees it. */
export function defineJob<S extends z.ZodType>(
  kind: string,
  payload: S,
  run: (context: JobContext, payload: z.output<S>) => Promise<unknown>,
): JobHandler {
  return {
    kind,
    run: async (context, raw) => {
      const parsed = payload.safeParse(raw);
      if (!parsed.success) throw new PermanentJobError(`invalid payload for ${kind}`);
      return run(context, parsed.data);
    },
  };
}

/**
 * Declares a job kind that runs up to `size` jobs at once: `runMany` gets the checked payloads (a job whose
 * payload is invalid fails alone, at once) and gives one outcome per payload, in order. A single job (a
 * retry, `run`) is a batch of one.
 */
export function defineBatchJob<S extends z.ZodType>(
  kind: string,
  payload: S,
  size: number,
  runMany: (contexts: JobContext[], payloads: z.output<S>[]) => Promise<JobOutcome[]>,
): JobHandler {
  const runBatch = async (contexts: JobContext[], raws: unknown[]): Promise<JobOutcome[]> => {
    const parsed = raws.map((raw) => payload.safeParse(raw));
    const valid = parsed.flatMap((result, index) => (result.success ? [index] : []));
    const outcomes: JobOutcome[] = parsed.map(() => ({
      ok: false,
      error: new PermanentJobError(`invalid payload for ${kind}`),
    }));
    if (valid.length === 0) return outcomes;
    const ran = await runMany(
      valid.map((index) => contexts[index]!),
      valid.map((index) => (parsed[index] as { data: z.output<S> }).data),
    );
    if (ran.length !== valid.length)
      throw new Error(`${kind}: ${ran.length} outcomes for ${valid.length} jobs`);
    valid.forEach((index, at) => {
      outcomes[index] = ran[at]!;
    });
    return outcomes;
  };
  return {
    kind,
    batch: { size, run: runBatch },
    run: async (context, raw) => {
      const [outcome] = await runBatch([context], [raw]);
      if (!outcome?.ok) throw outcome?.error;
      return outcome.result;
    },
  };
}

/** A job enqueued once a day by every runner; the idempotency key makes it run once per day in total. */
export interface DailyJob {
  kind: string;
  /** The idempotency key of the day's run, e.g. `refresh-standings:2026-11-28`. */
  key(day: string): string;
  payload(day: string): unknown;
}

/** Default number of runs before a job is marked failed. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** Pure: the wait before retry number `attempt` (1-based): 30 s, 1 min, 2 min, 4 min … capped at 1 h. */
export function retryDelayMs(attempt: number, baseMs = 30_000, maxMs = 3_600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Pure: the text kept as a failed job's last error (administrators see it): the message, bounded. An
 * AppError keeps its code and parameters (`AppError: invalid_state {"reason":"…"}`), so that pages can show
 * its message in the reader's language (`jobErrorOf`).
 */
export function errorText(error: unknown): string {
  const params =
    error instanceof AppError && Object.keys(error.params).length ? ` ${JSON.stringify(error.params)}` : '';
  const text =
    error instanceof Error
      ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}${params}`
      : String(error);
  return text.slice(0, 2000);
}
