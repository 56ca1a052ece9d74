import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../i18n/time-zones.js';
import { BbbError } from '../../integrations/bbb/bbb-client.js';
import { type DailyJob, defineJob } from '../../jobs/job.js';
import { enqueueJob } from '../../jobs/queue.js';
import { findPerson } from '../identity/identity.queries.js';
import { notify } from '../notifications/notify.js';
import { confirmedParticipants } from '../places/places.queries.js';
import { itemsOfKind } from '../spaces/spaces.queries.js';
import { configuredBbb } from './bbb-port.js';
import { BBB_POLLER, pullFromBbb } from './fetch-from-bbb.js';
import { meetingIdOf, reminderDue } from './webinar.js';
import { WEBINAR_KIND } from './webinar-access.js';
import type { WebinarReminder } from './webinar-notices.js';
import { readWebinarSettings } from './webinar-settings.js';
import { insertReminderOnce } from './webinars.repository.js';

/**
 * Reminds every confirmed participant of each session starting within 24 hours (then within 1 hour), in
 * their language and time zone, through the notifications module. Each reminder is written to
 * `webinar_reminders` first: its primary key (item, person, kind, start) lets one process only send it,
 * however many run this at once; a session moved to another time is reminded again.
 */
export async function sendWebinarReminders(
  db: Executor,
  deps: Services,
  now: string,
): Promise<{ sent: number }> {
  let sent = 0;
  for (const item of await itemsOfKind(db, WEBINAR_KIND, null)) {
    const session = readWebinarSettings(item.settings);
    const due = session ? reminderDue(session.startsAt, now) : null;
    if (!session || !due) continue;
    const people = await confirmedParticipants(db, item.editionId);
    const zones = new Map<string, string>();
    for (const p of people) {
      const zone = (await findPerson(db, p.id))?.timeZone;
      zones.set(p.id, zone && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE);
    }
    sent += await inTransaction(db, async (trx) => {
      let count = 0;
      for (const p of people) {
        const fresh = await insertReminderOnce(trx, {
          item_id: item.id,
          user_id: p.id,
          kind: due,
          starts_at: session.startsAt,
          sent_at: now,
        });
        if (!fresh) continue;
        await notify<WebinarReminder>(trx, deps.clock, {
          recipientId: p.id,
          key: `webinar.reminder:${item.id}:${p.id}:${due}:${session.startsAt}`,
          event: {
            kind: 'webinar.reminder',
            itemId: item.id,
            editionId: item.editionId,
            reminder: due,
            startsAt: session.startsAt,
            timeZone: zones.get(p.id) ?? DEFAULT_TIME_ZONE,
          },
        });
        count += 1;
      }
      return count;
    });
  }
  return { sent };
}

/** Marks present the participants in BigBlueButton meetings running now (when BBB is configured). */
export async function pollRunningMeetings(
  db: Executor,
  deps: Services,
  now: string,
): Promise<{ polled: number }> {
  const bbb = configuredBbb(deps);
  if (!bbb) return { polled: 0 };
  let polled = 0;
  for (const item of await itemsOfKind(db, WEBINAR_KIND, null)) {
    const session = readWebinarSettings(item.settings);
    if (!session) continue;
    if (session.provider !== 'bbb' || now < session.startsAt || now > session.endsAt) continue;
    try {
      if (!(await bbb.isMeetingRunning(meetingIdOf(item.id)))) continue;
      await pullFromBbb(db, deps, bbb, BBB_POLLER, { ...item, settings: session });
      polled += 1;
    } catch (error) {
      if (!(error instanceof BbbError)) throw error;
      deps.log.warn({ err: error, itemId: item.id }, 'webinars: BBB did not answer');
    }
  }
  return { polled };
}

export const WEBINARS_TICK_JOB_KIND = 'webinars.tick';
/** How often the tick runs (reminders are sent within this of their time; BBB meetings polled as often). */
export const TICK_MINUTES = 10;

/** Pure: the next tick's slot after `now` (aligned, so every process computes the same one). */
export function nextTickSlot(now: string): string {
  const step = TICK_MINUTES * 60_000;
  return new Date((Math.floor(Date.parse(now) / step) + 1) * step).toISOString();
}

/**
 * The periodic tick: reminders, then BBB attendance of running meetings; then it enqueues the next tick.
 * The next tick's key is its slot, so however many processes run ticks, each slot runs once.
 */
export const webinarsTickJob = defineJob(
  WEBINARS_TICK_JOB_KIND,
  z.object({}).passthrough(),
  async (context) => {
    const { deps } = context;
    const now = deps.clock.now().toISOString();
    const reminders = await sendWebinarReminders(deps.db, deps, now);
    const bbb = await pollRunningMeetings(deps.db, deps, now);
    const slot = nextTickSlot(now);
    await enqueueJob(deps.db, deps.clock, {
      kind: WEBINARS_TICK_JOB_KIND,
      payload: { slot },
      idempotencyKey: `webinars-tick:${slot}`,
      runAt: new Date(slot),
    });
    return { ...reminders, ...bbb };
  },
);

/** Starts (or restarts, after a stop) the chain of ticks once a day. */
export const webinarsTickDaily: DailyJob = {
  kind: WEBINARS_TICK_JOB_KIND,
  key: (day) => `webinars-tick:${day}`,
  payload: (day) => ({ day }),
};
