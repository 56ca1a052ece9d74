/** The source of "now", passed explicitly so that tests can fix time. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `iso` that tests can move forward. */
export function fixedClock(iso: string): Clock & { advance(ms: number): void; set(iso: string): void } {
  let current = new Date(iso).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (next) => {
      current = new Date(next).getTime();
    },
  };
}

/** An instant as stored in the database: ISO-8601 UTC text (see docs/decisions/0003-storage.md). */
export function toTimestamp(date: Date): string {
  return date.toISOString();
}

/** The calendar date (UTC) of an instant, `YYYY-MM-DD`. */
export function toDateString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Pure: the calendar day `days` after `day` (both `YYYY-MM-DD`, UTC; negative goes back). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
