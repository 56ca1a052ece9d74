import type { Executor } from '../db/database.js';
import type { Services } from '../deps.js';
import type { Actor } from '../kernel/actor.js';
import { ensure } from '../kernel/policy.js';
import { parseInput } from '../kernel/validation.js';
import type { JobStatus } from './job.js';
import { canJobs } from './jobs.policy.js';
import { listRecentJobs } from './jobs.repository.js';
import { JOBS_PAGE_SIZE, type JobQuery, jobQuerySchema } from './jobs.schemas.js';
import type { JobRow } from './jobs.tables.js';

/** A job as administrators see it. */
export interface JobSummary {
  id: string;
  kind: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  progress: number;
  total: number;
  lastError: string | null;
  runAt: string;
  lockedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Maps a stored job to what administrators (and the import page) see. */
export function toJobSummary(row: JobRow): JobSummary {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as JobStatus,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    progress: row.progress,
    total: row.total,
    lastError: row.last_error,
    runAt: row.run_at,
    lockedBy: row.locked_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface JobsPage {
  jobs: JobSummary[];
  total: number;
  page: number;
  pageCount: number;
  query: JobQuery;
}

/** The most recent jobs, newest first, optionally of one status (administrators). */
export async function listJobs(
  db: Executor,
  _deps: Services,
  actor: Actor,
  input: unknown,
): Promise<JobsPage> {
  ensure(actor, canJobs(actor, 'jobs.read'));
  const query = parseInput(jobQuerySchema, input ?? {});
  const { rows, total } = await listRecentJobs(db, {
    status: query.status,
    limit: JOBS_PAGE_SIZE,
    offset: (query.page - 1) * JOBS_PAGE_SIZE,
  });
  return {
    jobs: rows.map(toJobSummary),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE)),
    query,
  };
}
