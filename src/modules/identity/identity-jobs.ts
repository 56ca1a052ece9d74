import { defineJob, type JobHandler } from '../../jobs/job.js';
import {
  PASSWORD_RESET_JOB,
  passwordResetJobPayload,
  sendPasswordResetLink,
} from './passwords/send-password-reset-link.js';

/** Mails a reset link after the request was answered (request-password-reset.ts). */
const passwordResetJob = defineJob(PASSWORD_RESET_JOB, passwordResetJobPayload, async (context, payload) => ({
  outcome: await sendPasswordResetLink(context.deps.db, context.deps, payload),
}));

/** The identity module's background jobs. */
export const IDENTITY_JOBS: readonly JobHandler[] = [passwordResetJob];
