import { type DailyJob, defineJob, type JobHandler } from '../../jobs/job.js';
import { emailJobPayloadSchema, remindersPayloadSchema } from './notifications.schemas.js';
import { EMAIL_JOB_KIND } from './notify.js';
import { sendNotificationEmail } from './send-notification-email.js';
import { sendReminders } from './send-reminders.js';

export const REMINDERS_JOB_KIND = 'notifications.reminders';

/** Sends one notice's email (enqueued by `notify`; idempotent, see send-notification-email.ts). */
const emailJob = defineJob(EMAIL_JOB_KIND, emailJobPayloadSchema, async (context, payload) => ({
  outcome: await sendNotificationEmail(context.deps.db, context.deps, payload),
}));

/** The day's reminders (starts soon, applications close soon). */
const remindersJob = defineJob(REMINDERS_JOB_KIND, remindersPayloadSchema, async (context, payload) =>
  sendReminders(context.deps.db, context.deps, payload.day),
);

export const NOTIFICATION_JOBS: readonly JobHandler[] = [emailJob, remindersJob];

/**
 * Once a day. Every runner enqueues it, but the key is the day's, so however many processes share the
 * database, the day's run is one job (the queue's unique idempotency key), claimed by one of them.
 */
export const remindersDaily: DailyJob = {
  kind: REMINDERS_JOB_KIND,
  key: (day) => `notifications-reminders:${day}`,
  payload: (day) => ({ day }),
};
