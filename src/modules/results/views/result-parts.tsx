/** Small pieces shared by the results pages: localized titles, percentages and marks in the reader's words. */
import type { Translator } from '../../../i18n/i18n.js';
import { type LocalizedText, pickLocalized } from '../../../i18n/localized.js';
import type { Mark } from '../result-policy.js';

/** A localized text in the reader's language, marked with its language when it falls back. */
export function Title({
  value,
  locale,
  fallback,
}: {
  value: LocalizedText;
  locale: string;
  fallback?: string;
}) {
  const picked = pickLocalized(value, locale as 'en');
  if (!picked.text && fallback) return <>{fallback}</>;
  return picked.isFallback ? <span lang={picked.lang}>{picked.text}</span> : <>{picked.text}</>;
}

/** Hundredths as a percentage in the reader's locale (display only: the value is exact). */
export function percent(t: Translator, hundredths: number): string {
  return t.number(hundredths / 100);
}

/** A mark as shown: a percentage, "excused", or the given text for "not marked". */
export function markText(t: Translator, mark: Mark, none: string): string {
  if (mark === null) return none;
  if (mark === 'excused') return t.t('results.book.excused');
  return `${percent(t, mark)} %`;
}
