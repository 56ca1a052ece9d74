import { defineJob, type JobHandler } from '../../jobs/job.js';
import { emailJobPayloadSchema } from './notifications.schemas.js';
import { EMAIL_JOB_KIND } from './notify.js';
import { sendNotificationEmail } from './send-notification-email.js';

/** Sends one notice's email (enqueued by `notify`; idempotent, see send-notification-email.ts). */
const emailJob = defineJob(EMAIL_JOB_KIND, emailJobPayloadSchema, async (context, payload) => ({
  outcome: await sendNotificationEmail(context.deps.db, context.deps, payload),
}));

export const NOTIFICATION_JOBS: readonly JobHandler[] = [emailJob];
