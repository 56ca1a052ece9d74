/** An instant in the reader's zone and language, in a <time> element (role-play phases, case news and deadlines). */
import type { Translator } from '../i18n/i18n.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../i18n/time-zones.js';

const LOCALE_TAGS = { en: 'en-GB', fr: 'fr', es: 'es' } as const;

/** The instant written with date and time in `timeZone` (UTC when unknown). */
export function momentText(iso: string, locale: keyof typeof LOCALE_TAGS, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE,
  }).format(new Date(iso));
}

export function Moment({ t, iso, timeZone }: { t: Translator; iso: string; timeZone: string }) {
  return <time datetime={iso}>{momentText(iso, t.locale, timeZone)}</time>;
}
