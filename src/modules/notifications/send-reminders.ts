import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Notice } from './events.js';
import { listDraftsClosingBetween, listPlacesStartingBetween } from './notifications.repository.js';
import { notify } from './notify.js';

/** Days before an edition starts when its confirmed participants are reminded. */
export const STARTS_SOON_DAYS = 7;
/** Days before applications close when the authors of unsubmitted drafts are reminded. */
export const DEADLINE_SOON_DAYS = 3;
const BATCH = 200;

/** Pure: the calendar day `days` after `day` (both `YYYY-MM-DD`, UTC). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The reminders due on `day`: "your edition starts soon" to every confirmed place in an edition starting
 * within STARTS_SOON_DAYS, and "applications close soon" to every draft whose programme closes within
 * DEADLINE_SOON_DAYS. A window rather than an exact day, so a day the job did not run is caught up the
 * next; each reminder's key (per enrolment and start date, per application and closing date) makes it
 * reach each person once however often this runs. The body of the daily `notifications.reminders` job.
 */
export async function sendReminders(
  db: Executor,
  deps: Services,
  day: string,
): Promise<{ startsSoon: number; deadlineSoon: number }> {
  const places = await listPlacesStartingBetween(db, day, addDays(day, STARTS_SOON_DAYS));
  const drafts = await listDraftsClosingBetween(db, day, addDays(day, DEADLINE_SOON_DAYS));
  const notices: Notice[] = [
    ...places.map((p) => ({
      recipientId: p.user_id,
      key: `edition.starts-soon:${p.id}:${p.starts_on}`,
      event: {
        kind: 'edition.starts-soon' as const,
        enrolmentId: p.id,
        editionId: p.edition_id,
        startsOn: p.starts_on,
      },
    })),
    ...drafts.map((d) => ({
      recipientId: d.user_id,
      key: `application.deadline-soon:${d.id}:${d.closes_on}`,
      event: {
        kind: 'application.deadline-soon' as const,
        applicationId: d.id,
        programmeId: d.programme_id,
        closesOn: d.closes_on ?? day,
      },
    })),
  ];
  for (let start = 0; start < notices.length; start += BATCH) {
    const batch = notices.slice(start, start + BATCH);
    await inTransaction(db, async (trx) => {
      for (const notice of batch) await notify(trx, deps.clock, notice);
    });
  }
  return { startsSoon: places.length, deadlineSoon: drafts.length };
}
