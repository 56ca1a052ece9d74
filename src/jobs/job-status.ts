import type { Executor } from '../db/database.js';
import { findJob } from './jobs.repository.js';
import { type JobSummary, toJobSummary } from './list-jobs.js';

/**
 * The state of one job, for the module that enqueued it to show progress (the import page). No policy
 * here: the caller has already decided that its reader may see the thing the job works on.
 */
export async function getJobStatus(db: Executor, jobId: string | null): Promise<JobSummary | null> {
  if (!jobId) return null;
  const row = await findJob(db, jobId);
  return row ? toJobSummary(row) : null;
}
