/**
 * Instants written in a reader's zone and language, with the formatters kept: building an
 * `Intl.DateTimeFormat` with a time zone costs far more than using one, and a webinar page writes three.
 */
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../../i18n/time-zones.js';
import { BoundedMemo } from '../../../kernel/bounded-memo.js';

const FORMAT_LOCALES = { en: 'en-GB', fr: 'fr', es: 'es' } as const;
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 500;

/** An instant with date and time in `timeZone` (UTC when unknown), in `locale`. */
export function formatInstant(iso: string, locale: keyof typeof FORMAT_LOCALES, timeZone: string): string {
  return texts.get(`${locale}|${timeZone}|${iso}`, () => formatAfresh(iso, locale, timeZone));
}

/** Texts by language, zone and instant: the same sessions on every space home and webinar page. */
const texts = new BoundedMemo<string>();

function formatAfresh(iso: string, locale: keyof typeof FORMAT_LOCALES, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatter = new Intl.DateTimeFormat(FORMAT_LOCALES[locale], {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}
