import type { Executor } from '../db/database.js';
import type { Clock } from '../kernel/clock.js';
import { newId } from '../kernel/ids.js';
import { DEFAULT_MAX_ATTEMPTS } from './job.js';
import { findJobByKey, insertJobOnce, insertJobsOnce } from './jobs.repository.js';
import type { JobRow } from './jobs.tables.js';

export interface NewJob {
  kind: string;
  payload: unknown;
  /** Enqueuing twice with the same key is a no-op that returns the first job (a unique constraint). */
  idempotencyKey?: string | undefined;
  /** Not before this instant (default: now). */
  runAt?: Date | undefined;
  maxAttempts?: number | undefined;
  /** The person who caused it, if any. */
  createdBy?: string | null | undefined;
}

/**
 * Adds a job to the queue. Call it inside the transaction that makes the job necessary, so that the job
 * exists exactly when the change does (no job for a rolled-back change, no change without its job).
 */
export async function enqueueJob(
  db: Executor,
  clock: Clock,
  job: NewJob,
): Promise<{ id: string; created: boolean }> {
  const row = jobRow(clock, job);
  const created = await insertJobOnce(db, row);
  if (created || !job.idempotencyKey) return { id: row.id, created };
  const existing = await findJobByKey(db, job.idempotencyKey);
  return { id: existing?.id ?? row.id, created: false };
}

/**
 * Adds many jobs at once (bulk use cases: an import's certificates), a few hundred per statement, in the
 * caller's transaction like `enqueueJob`; a job whose key is already queued is left out. Returns how many
 * were added.
 */
export async function enqueueJobs(db: Executor, clock: Clock, jobs: readonly NewJob[]): Promise<number> {
  return insertJobsOnce(
    db,
    jobs.map((job) => jobRow(clock, job)),
  );
}

/** Inserts rows built by `jobRows` (those whose idempotency key is taken are left out); how many were. */
export function insertJobRows(db: Executor, rows: readonly JobRow[]): Promise<number> {
  return insertJobsOnce(db, rows);
}

/** The rows `enqueueJobs` would insert (for writes staged ahead of an all-or-nothing change). */
export function jobRows(clock: Clock, jobs: readonly NewJob[]): JobRow[] {
  return jobs.map((job) => jobRow(clock, job));
}

function jobRow(clock: Clock, job: NewJob): JobRow {
  const now = clock.now().toISOString();
  return {
    id: newId(),
    kind: job.kind,
    payload_json: JSON.stringify(job.payload ?? null),
    idempotency_key: job.idempotencyKey ?? null,
    status: 'pending',
    attempts: 0,
    max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    run_at: (job.runAt ?? clock.now()).toISOString(),
    locked_by: null,
    locked_until: null,
    progress: 0,
    total: 0,
    last_error: null,
    error_kind: null,
    environment_failures: 0,
    result_json: null,
    created_by: job.createdBy ?? null,
    created_at: now,
    updated_at: now,
  };
}
