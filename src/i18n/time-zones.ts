/** Time zones: each person's (their profile) decides how instants are shown to them; UTC when unknown. */

import { BoundedMemo } from '../kernel/bounded-memo.js';

/** The zone used when a person has not set theirs. */
export const DEFAULT_TIME_ZONE = 'UTC';

const knownZones = new Map<string, boolean>();

/** Pure: true when `zone` is an IANA time zone this runtime knows (remembered: constructing a format is slow). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    valid = true;
  } catch {
    valid = false;
  }
  if (knownZones.size < 1000) knownZones.set(zone, valid);
  return valid;
}

let zones: string[] | null = null;

/** Every IANA zone the runtime knows, with UTC first (the profile's choices). */
export function timeZoneNames(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return zones;
}

/** An instant shown in `timeZone` with date and time, in the reader's language (`en-GB`, `fr`, `es`). */
export function formatInZone(iso: string, formatLocale: string, timeZone: string): string {
  return zonedTexts.get(`${formatLocale}|${timeZone}|${iso}`, () =>
    formatAfresh(iso, formatLocale, timeZone),
  );
}

/** Texts of instants by language, zone and instant (the same sessions and deadlines on every page). */
const zonedTexts = new BoundedMemo<string>();

function formatAfresh(iso: string, formatLocale: string, timeZone: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  const key = `${formatLocale}|${zone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(formatLocale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: zone,
    });
    if (formats.size < 2000) formats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** Formats by language and zone, made once (a few hundred at most: languages × the zones people choose). */
const formats = new Map<string, Intl.DateTimeFormat>();

/** Day formats by zone, made once. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone` (UTC when unknown): a person's "today". */
export function dayInZone(instant: Date, timeZone: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  // Most people set no zone: UTC's day is the ISO text's (ICU's formatToParts costs microseconds a call).
  const year = instant.getUTCFullYear();
  if (zone === 'UTC' && year >= 1000 && year <= 9999) return instant.toISOString().slice(0, 10);
  const format =
    dayFormats.get(zone) ??
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  if (dayFormats.size < 1000) dayFormats.set(zone, format);
  const parts = format.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
