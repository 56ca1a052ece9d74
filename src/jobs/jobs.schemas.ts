import { z } from 'zod';
import { JOB_STATUSES } from './job.js';

export const JOBS_PAGE_SIZE = 50;
/** The longest job kind name accepted in a filter. */
export const JOB_KIND_MAX_LENGTH = 100;

const empty = z.literal('').transform(() => undefined);

/** A job kind as a filter: lower-case words joined by dots and dashes (`credentials.render-pdf`). */
const jobKind = z
  .string()
  .max(JOB_KIND_MAX_LENGTH, 'validation.tooLong')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'validation.invalidChoice');

/** The administrators' list of jobs: an optional status and kind, and the page. */
export const jobQuerySchema = z.object({
  status: z.union([empty, z.enum(JOB_STATUSES, 'validation.invalidChoice')]).optional(),
  kind: z.union([empty, jobKind]).optional(),
  page: z.coerce
    .number('validation.notNumber')
    .int('validation.notInteger')
    .min(1, 'validation.tooSmall')
    .max(100000, 'validation.tooBig')
    .default(1),
});
export type JobQuery = z.infer<typeof jobQuerySchema>;

/** The bulk retry of failed jobs: every failed job, or those of one kind. */
export const retryFailedJobsSchema = z.object({ kind: z.union([empty, jobKind]).optional() });
