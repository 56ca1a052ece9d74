import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { type DailyJob, defineJob } from '../../jobs/job.js';
import { addDays } from '../../kernel/clock.js';
import { notify } from '../notifications/notify.js';
import type { EditionStartsSoon } from './place-notices.js';
import { listPlacesStartingBetween } from './places.repository.js';

/** Days before an edition starts when its confirmed participants are reminded. */
export const STARTS_SOON_DAYS = 7;
const BATCH = 200;

/**
 * "Your edition starts soon" to every confirmed place in an edition starting within STARTS_SOON_DAYS of
 * `day`. A window rather than an exact day, so a day the job did not run is caught up the next; each
 * reminder's key (per place and start date) makes it reach each person once however often this runs.
 */
export async function sendStartReminders(
  db: Executor,
  deps: Services,
  day: string,
): Promise<{ startsSoon: number }> {
  const places = await listPlacesStartingBetween(db, day, addDays(day, STARTS_SOON_DAYS));
  for (let start = 0; start < places.length; start += BATCH) {
    const batch = places.slice(start, start + BATCH);
    await inTransaction(db, async (trx) => {
      for (const p of batch)
        await notify<EditionStartsSoon>(trx, deps.clock, {
          recipientId: p.user_id,
          key: `edition.starts-soon:${p.id}:${p.starts_on}`,
          event: {
            kind: 'edition.starts-soon',
            enrolmentId: p.id,
            editionId: p.edition_id,
            startsOn: p.starts_on,
          },
        });
    });
  }
  return { startsSoon: places.length };
}

export const START_REMINDERS_JOB_KIND = 'places.start-reminders';

/** The day's reminders of editions starting soon. */
export const startRemindersJob = defineJob(
  START_REMINDERS_JOB_KIND,
  z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  async (context, payload) => sendStartReminders(context.deps.db, context.deps, payload.day),
);

/**
 * Once a day. Every runner enqueues it, but the key is the day's, so however many processes share the
 * database, the day's run is one job (the queue's unique idempotency key), claimed by one of them.
 */
export const startRemindersDaily: DailyJob = {
  kind: START_REMINDERS_JOB_KIND,
  key: (day) => `places-start-reminders:${day}`,
  payload: (day) => ({ day }),
};
