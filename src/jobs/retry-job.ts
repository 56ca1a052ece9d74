import type { Executor } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import type { Services } from '../deps.js';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { isId } from '../kernel/ids.js';
import { ensure } from '../kernel/policy.js';
import { canJobs } from './jobs.policy.js';
import { findJob, requeueFailedJob } from './jobs.repository.js';

/**
 * Puts a failed job back in the queue with its attempts reset (administrators; audited). Only failed jobs:
 * a pending or running one is already on its way, and a succeeded one must not run twice.
 */
export async function retryJob(db: Executor, deps: Services, actor: Actor, jobId: string): Promise<void> {
  ensure(actor, canJobs(actor, 'jobs.retry'));
  if (!isId(jobId)) throw new AppError('not_found');
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    const job = await findJob(trx, jobId);
    if (!job) throw new AppError('not_found');
    if (!(await requeueFailedJob(trx, job.id, now)))
      throw new AppError('invalid_state', { reason: 'job-not-failed' });
    await audit(trx, deps.clock, actor, {
      action: 'job.retried',
      targetType: 'job',
      targetId: job.id,
      before: { kind: job.kind, status: job.status, attempts: job.attempts, lastError: job.last_error },
      after: { status: 'pending', attempts: 0 },
    });
  });
}
