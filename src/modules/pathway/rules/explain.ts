/**
 * Turns structured reasons into a human "why not yet" text through the ICU messages of
 * the locale files (`pathway.why.<code>` in src/i18n/locales). ISO date parameters are formatted as dates in UTC, so a
 * date never shifts by a day; list parameters as a conjunction list. A missing message throws: the
 * messages ship with the code and a test covers every code in every language.
 * Compiled messages are kept per language and code (formatMessage re-merges its formats on every
 * call, which cost more than the whole rule engine).
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { formattingLocale, MESSAGES as messages } from '../../../i18n/i18n.js';
import { BoundedMemo } from '../../../kernel/bounded-memo.js';
import { isIsoDate } from './dates.js';
import type { ExplanationLanguage, Reason, ReasonCode, ReasonParam } from './evaluation.js';

type CompiledMessage = ReturnType<IntlShape['formatters']['getMessageFormat']>;

const UTC = 'UTC';
/** ICU's date styles, pinned to UTC: our dates are calendar days, not instants. */
const DATE_FORMATS = {
  date: {
    short: { year: '2-digit', month: 'numeric', day: 'numeric', timeZone: UTC },
    medium: { year: 'numeric', month: 'short', day: 'numeric', timeZone: UTC },
    long: { year: 'numeric', month: 'long', day: 'numeric', timeZone: UTC },
    full: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: UTC },
  },
} as const;

const intlCache = createIntlCache();
/** Kept per formatting locale (`en-GB` by default for English; DATE_LOCALE_EN may change it at start-up). */
const intls = new Map<string, IntlShape>();
const compiled = new Map<string, CompiledMessage>();

function intlFor(lang: ExplanationLanguage): IntlShape {
  // English text with the interface's date conventions (15 June 2028 by default), as on every page.
  const locale = formattingLocale(lang);
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl({ locale, messages: messages[lang], timeZone: UTC }, intlCache);
    intls.set(locale, intl);
  }
  return intl;
}

function messageFor(intl: IntlShape, lang: ExplanationLanguage, code: ReasonCode): CompiledMessage {
  const id = `pathway.why.${code}`;
  let message = compiled.get(`${intl.locale} ${id}`);
  if (!message) {
    const source = (messages[lang] as Record<string, string>)[id];
    if (source === undefined) throw new Error(`Missing message "${id}" in "${lang}"`);
    message = intl.formatters.getMessageFormat(source, intl.locale, DATE_FORMATS, {
      formatters: intl.formatters,
    });
    compiled.set(`${intl.locale} ${id}`, message);
  }
  return message;
}

function formatParam(intl: IntlShape, value: ReasonParam): string | number {
  if (Array.isArray(value)) return intl.formatList(value, { type: 'conjunction' });
  if (typeof value === 'string' && isIsoDate(value)) return Date.parse(`${value}T00:00:00Z`);
  return value;
}

/** The message of one reason in a language. */
export function explainReason(reason: Reason, lang: ExplanationLanguage): string {
  const intl = intlFor(lang);
  // The same reasons (codes with their courses, counts and dates) recur on every dashboard: their texts are
  // kept by language, code and parameters (a list and ICU formatting cost microseconds each).
  return explained.get(`${intl.locale} ${reason.code} ${JSON.stringify(reason.params)}`, () => {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(reason.params)) values[name] = formatParam(intl, value);
    return String(messageFor(intl, lang, reason.code).format(values));
  });
}

const explained = new BoundedMemo<string>();

/** The explanation of a list of reasons in a language: one sentence per reason. */
export function explainReasons(reasons: Reason[], lang: ExplanationLanguage): string {
  return reasons.map((reason) => explainReason(reason, lang)).join(' ');
}
