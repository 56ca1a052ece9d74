/** Time zones: each person's (their profile) decides how instants are shown to them; UTC when unknown. */

/** The zone used when a person has not set theirs. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** Pure: true when `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let zones: string[] | null = null;

/** Every IANA zone the runtime knows, with UTC first (the profile's choices). */
export function timeZoneNames(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return zones;
}

/** An instant shown in `timeZone` with date and time, in the reader's language (`en-GB`, `fr`, `es`). */
export function formatInZone(iso: string, formatLocale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(formatLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE,
  }).format(new Date(iso));
}
