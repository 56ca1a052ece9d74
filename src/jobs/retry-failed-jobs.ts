import type { Executor } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import type { Services } from '../deps.js';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { ensure } from '../kernel/policy.js';
import { parseInput } from '../kernel/validation.js';
import { canJobs } from './jobs.policy.js';
import { listFailedJobs, requeueFailedJobs } from './jobs.repository.js';
import { retryFailedJobsSchema } from './jobs.schemas.js';

/** Failed jobs requeued per transaction (bounds the statement and the transaction's length). */
const BATCH = 500;

/**
 * Puts every failed job (or every failed job of one kind) back in the queue with its attempts reset, once
 * the cause of their failure is repaired (administrators). Each retried job gets its `job.retried` audit
 * event, in the transaction that requeues it. Returns how many were requeued.
 */
export async function retryFailedJobs(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<{ retried: number }> {
  ensure(actor, canJobs(actor, 'jobs.retry'));
  const { kind } = parseInput(retryFailedJobsSchema, input ?? {});
  let retried = 0;
  for (;;) {
    const now = deps.clock.now().toISOString();
    const count = await inTransaction(db, async (trx) => {
      const failed = await listFailedJobs(trx, { kind, limit: BATCH });
      const requeued = new Set(
        await requeueFailedJobs(
          trx,
          failed.map((job) => job.id),
          now,
        ),
      );
      for (const job of failed) {
        if (!requeued.has(job.id)) continue;
        await audit(trx, deps.clock, actor, {
          action: 'job.retried',
          targetType: 'job',
          targetId: job.id,
          before: {
            kind: job.kind,
            status: 'failed',
            attempts: job.attempts,
            lastError: job.last_error,
            errorKind: job.error_kind,
          },
          after: { status: 'pending', attempts: 0, bulk: true },
        });
      }
      return requeued.size;
    });
    retried += count;
    if (count < BATCH) return { retried };
  }
}
