/**
 * Webinars' pure rules: when the join link is open, which reminders are due, the BBB meeting id of an
 * item, and a person's attendance percentage. No I/O.
 */
import { fromLocalInput } from '../spaces/spaces.js';

export const PROVIDERS = ['bbb', 'external'] as const;
export type Provider = (typeof PROVIDERS)[number];

/**
 * A webinar item's settings (PERSISTED SHAPE: stored as the item's settings JSON). Instants are ISO UTC;
 * `timeZone` is the zone the facilitator typed them in (the builder shows them back in it).
 */
export interface WebinarSettings {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  provider: Provider;
  /** The external meeting's https link ('' for BigBlueButton). */
  url: string;
}

/** Minutes before the start when participants may join. */
export const JOIN_OPENS_BEFORE_MINUTES = 15;
/** Minutes before the start when facilitators may open the room (to prepare it). */
export const STAFF_JOIN_OPENS_BEFORE_MINUTES = 60;
/** The longest session a facilitator may set. */
export const MAX_SESSION_HOURS = 12;

export type JoinState = 'upcoming' | 'open' | 'ended';

/** Pure: whether the join link is open at `now`, and from when (participants: 15 min before, staff: 60). */
export function joinWindow(
  session: Pick<WebinarSettings, 'startsAt' | 'endsAt'>,
  now: string,
  staff = false,
): { state: JoinState; opensAt: string } {
  const before = (staff ? STAFF_JOIN_OPENS_BEFORE_MINUTES : JOIN_OPENS_BEFORE_MINUTES) * 60_000;
  const opensAt = new Date(Date.parse(session.startsAt) - before).toISOString();
  const at = Date.parse(now);
  if (at < Date.parse(opensAt)) return { state: 'upcoming', opensAt };
  if (at >= Date.parse(session.endsAt)) return { state: 'ended', opensAt };
  return { state: 'open', opensAt };
}

/** The reminders a person gets before a session, and how long before its start each is sent. */
export const REMINDERS = { '24h': 24 * 3_600_000, '1h': 3_600_000 } as const;
export type ReminderKind = keyof typeof REMINDERS;

/**
 * Pure: the reminder due for a session at `now`: the 1-hour one inside the last hour, the 24-hour one
 * inside the last day before that; none once it has started.
 */
export function reminderDue(startsAt: string, now: string): ReminderKind | null {
  const left = Date.parse(startsAt) - Date.parse(now);
  if (left <= 0) return null;
  if (left <= REMINDERS['1h']) return '1h';
  if (left <= REMINDERS['24h']) return '24h';
  return null;
}

/** Pure: the BigBlueButton meeting id of a webinar item (stable across creates: BBB's create is idempotent). */
export function meetingIdOf(itemId: string): string {
  return `dp-${itemId}`;
}

/** Pure: an instant typed as `YYYY-MM-DDTHH:mm` in `timeZone`, or sent as an ISO instant; null when invalid. */
export function instantOf(value: string, timeZone: string): string | null {
  if (/[zZ]|[+-]\d{2}:\d{2}$/.test(value)) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
  }
  return fromLocalInput(value, timeZone);
}

/** Pure: attended / held as a whole percentage (null when no session has been held yet). */
export function attendancePercent(attended: number, held: number): number | null {
  if (held <= 0) return null;
  return Math.round((Math.min(attended, held) * 100) / held);
}
