import type { Executor } from '../db/database.js';
import type { Services } from '../deps.js';
import type { Actor } from '../kernel/actor.js';
import { ensure } from '../kernel/policy.js';
import { parseInput } from '../kernel/validation.js';
import type { JobStatus } from './job.js';
import { isJobErrorKind, type JobErrorKind, type JobErrorMessage, jobErrorOf } from './job-errors.js';
import { canJobs } from './jobs.policy.js';
import { countFailedJobs, listRecentJobs } from './jobs.repository.js';
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
  /** The raw text of the last error (administrators only: pages show `errorKind` translated). */
  lastError: string | null;
  /** What kind of failure the last error was (null without an error). */
  errorKind: JobErrorKind | null;
  /** The platform's error behind the last error, to say in the reader's language (null for others). */
  error: JobErrorMessage | null;
  /** Failures for an environmental cause so far (retried by themselves). */
  environmentFailures: number;
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
    errorKind: row.last_error === null ? null : isJobErrorKind(row.error_kind) ? row.error_kind : 'internal',
    error: jobErrorOf(row.last_error),
    environmentFailures: row.environment_failures,
    runAt: row.run_at,
    lockedBy: row.locked_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface JobsPage {
  jobs: JobSummary[];
  total: number;
  /** Failed jobs of the kind filtered on (all kinds without one), whatever the status filter. */
  failedCount: number;
  page: number;
  pageCount: number;
  query: JobQuery;
  /** The job kinds to filter on (every module's). */
  kinds: string[];
  /** What the caller may do: retry failed jobs (one or in bulk). */
  can: { retry: boolean };
}

/** The most recent jobs, newest first, optionally of one status and kind (administrators, managers). */
export async function listJobs(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<JobsPage> {
  ensure(actor, canJobs(actor, 'jobs.read'));
  const query = parseInput(jobQuerySchema, input ?? {});
  const [{ rows, total }, failedCount] = await Promise.all([
    listRecentJobs(db, {
      status: query.status,
      kind: query.kind,
      limit: JOBS_PAGE_SIZE,
      offset: (query.page - 1) * JOBS_PAGE_SIZE,
    }),
    countFailedJobs(db, query.kind),
  ]);
  // The raw error text (English, technical) is for administrators; others get its kind, translated.
  const details = canJobs(actor, 'jobs.readErrorDetails');
  return {
    jobs: rows.map(toJobSummary).map((job) => (details ? job : { ...job, lastError: null })),
    total,
    failedCount,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE)),
    query,
    kinds: deps.modules.flatMap((m) => m.jobs ?? []).map((handler) => handler.kind),
    can: { retry: canJobs(actor, 'jobs.retry') },
  };
}
