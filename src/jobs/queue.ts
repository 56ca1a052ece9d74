import type { Executor } from '../db/database.js';
import type { Clock } from '../kernel/clock.js';
import { newId } from '../kernel/ids.js';
import { DEFAULT_MAX_ATTEMPTS } from './job.js';
import { findJobByKey, insertJobOnce } from './jobs.repository.js';

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
  const now = clock.now().toISOString();
  const id = newId();
  const created = await insertJobOnce(db, {
    id,
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
  });
  if (created || !job.idempotencyKey) return { id, created };
  const existing = await findJobByKey(db, job.idempotencyKey);
  return { id: existing?.id ?? id, created: false };
}
