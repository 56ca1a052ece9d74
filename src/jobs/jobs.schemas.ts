import { z } from 'zod';
import { JOB_STATUSES } from './job.js';

export const JOBS_PAGE_SIZE = 50;

const empty = z.literal('').transform(() => undefined);

/** The administrators' list of jobs: an optional status, and the page. */
export const jobQuerySchema = z.object({
  status: z.union([empty, z.enum(JOB_STATUSES, 'validation.invalidChoice')]).optional(),
  page: z.coerce
    .number('validation.notNumber')
    .int('validation.notInteger')
    .min(1, 'validation.tooSmall')
    .max(100000, 'validation.tooBig')
    .default(1),
});
export type JobQuery = z.infer<typeof jobQuerySchema>;
