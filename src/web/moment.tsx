/** An instant in the reader's zone and language, in a <time> element (role-play phases, case news and deadlines). */
import type { Translator } from '../i18n/i18n.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../i18n/time-zones.js';

const LOCALE_TAGS = { en: 'en-GB', fr: 'fr', es: 'es' } as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 500;

/** The instant written with date and time in `timeZone` (UTC when unknown); formatters are kept (costly to build). */
export function momentText(iso: string, locale: keyof typeof LOCALE_TAGS, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatter = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}

export function Moment({ t, iso, timeZone }: { t: Translator; iso: string; timeZone: string }) {
  return <time datetime={iso}>{momentText(iso, t.locale, timeZone)}</time>;
}
