import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { type DailyJob, defineJob } from '../../jobs/job.js';
import { addDays } from '../../kernel/clock.js';
import { notify } from '../notifications/notify.js';
import type { ApplicationDeadlineSoon } from './application-notices.js';
import { listDraftsClosingBetween } from './applications.repository.js';

/** Days before applications close when the authors of unsubmitted drafts are reminded. */
export const DEADLINE_SOON_DAYS = 3;
const BATCH = 200;

/**
 * "Applications close soon" to every draft whose programme closes within DEADLINE_SOON_DAYS of `day`. A
 * window rather than an exact day, so a day the job did not run is caught up the next; each reminder's
 * key (per application and closing date) makes it reach each person once however often this runs.
 */
export async function sendDeadlineReminders(
  db: Executor,
  deps: Services,
  day: string,
): Promise<{ deadlineSoon: number }> {
  const drafts = await listDraftsClosingBetween(db, day, addDays(day, DEADLINE_SOON_DAYS));
  for (let start = 0; start < drafts.length; start += BATCH) {
    const batch = drafts.slice(start, start + BATCH);
    await inTransaction(db, async (trx) => {
      for (const d of batch)
        await notify<ApplicationDeadlineSoon>(trx, deps.clock, {
          recipientId: d.user_id,
          key: `application.deadline-soon:${d.id}:${d.closes_on}`,
          event: {
            kind: 'application.deadline-soon',
            applicationId: d.id,
            programmeId: d.programme_id,
            closesOn: d.closes_on ?? day,
          },
        });
    });
  }
  return { deadlineSoon: drafts.length };
}

export const DEADLINE_REMINDERS_JOB_KIND = 'admissions.deadline-reminders';

/** The day's reminders of applications closing soon. */
export const deadlineRemindersJob = defineJob(
  DEADLINE_REMINDERS_JOB_KIND,
  z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  async (context, payload) => sendDeadlineReminders(context.deps.db, context.deps, payload.day),
);

/** Once a day (one job per day whatever the number of processes: the key is the day's). */
export const deadlineRemindersDaily: DailyJob = {
  kind: DEADLINE_REMINDERS_JOB_KIND,
  key: (day) => `admissions-deadline-reminders:${day}`,
  payload: (day) => ({ day }),
};
