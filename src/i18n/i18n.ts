import { readdirSync, readFileSync } from 'node:fs';
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { BoundedMemo } from '../kernel/bounded-memo.js';

/** The languages of the interface. Content languages (of editions) are a longer list: see LANGUAGES. */
export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** True when `value` is one of the interface languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

type Nested = { [key: string]: string | Nested };

/** Flattens `{ a: { b: 'x' } }` into `{ 'a.b': 'x' }`, the shape ICU message ids take. */
export function flattenMessages(tree: Nested, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat[id] = value;
    else Object.assign(flat, flattenMessages(value, id));
  }
  return flat;
}

const LOCALES_DIR = new URL('./locales/', import.meta.url);

/** The catalogue files of one language: `locales/<locale>.json`, then `locales/<area>/<locale>.json` per area. */
export function catalogueFiles(locale: Locale): URL[] {
  const files = [new URL(`${locale}.json`, LOCALES_DIR)];
  for (const entry of readdirSync(LOCALES_DIR, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.isDirectory()) files.push(new URL(`${entry.name}/${locale}.json`, LOCALES_DIR));
  }
  return files;
}

/** Every message of `locale`, merged from its catalogue files; an id defined twice is an error. */
function loadMessages(locale: Locale): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const file of catalogueFiles(locale)) {
    const flat = flattenMessages(JSON.parse(readFileSync(file, 'utf8')) as Nested);
    for (const [id, message] of Object.entries(flat)) {
      if (id in merged) throw new Error(`message "${id}" is defined twice in the ${locale} catalogues`);
      merged[id] = message;
    }
  }
  return merged;
}

const NARROW_NO_BREAK_SPACE = '\u202f';

/**
 * Pure: French typography on a message — a narrow no-break space before « : ; ! ? » and inside
 * guillemets, whether the catalogue wrote a plain space, a no-break space or none (after a word or an
 * argument). Applied when the French catalogues are loaded, so every message follows it.
 */
export function frenchTypography(message: string): string {
  return message
    .replace(/[ \u00a0]*([:;!?»])/gu, (match, mark: string, offset: number, whole: string) => {
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + match.length] ?? '';
      if (offset === 0 || before === NARROW_NO_BREAK_SPACE) return match;
      // A mark inside a word, a time or an address ("10:00", "https://") stays as it is.
      if (mark !== '»' && after !== '' && !/[\s})"'’”»]/u.test(after)) return match;
      return `${NARROW_NO_BREAK_SPACE}${mark}`;
    })
    .replace(/«[ \u00a0\u202f]*/gu, `«${NARROW_NO_BREAK_SPACE}`);
}

export const MESSAGES: Record<Locale, Record<string, string>> = {
  en: loadMessages('en'),
  fr: Object.fromEntries(
    Object.entries(loadMessages('fr')).map(([id, message]) => [id, frenchTypography(message)]),
  ),
  es: loadMessages('es'),
};

export type MessageValues = Record<string, string | number | Date | null | undefined>;

/** Everything a view or a mail template needs to speak one language. */
export interface Translator {
  locale: Locale;
  /** The message `id` with its ICU values; throws in tests when the id is missing. */
  t(id: string, values?: MessageValues): string;
  /** True when the catalogue has `id` (for optional labels). */
  has(id: string): boolean;
  /** A calendar date `YYYY-MM-DD` in the reader's style (e.g. 7 Sept 2026 / 7 sept. 2026). */
  date(isoDate: string, style?: 'medium' | 'long' | 'short'): string;
  /** An instant (ISO timestamp) with date and time. */
  dateTime(iso: string): string;
  number(value: number): string;
  /** An amount in minor units of `currency` (e.g. 150000 EUR → €1,500.00). */
  money(minorUnits: number, currency: string): string;
  intl: IntlShape<string>;
}

const cache = createIntlCache();
/** English dates follow international conventions ("18 Oct 2027") unless DATE_LOCALE_EN says otherwise. */
export const DEFAULT_DATE_LOCALE_EN = 'en-GB';
/** The locale used for formatting dates, numbers and plurals in each interface language. */
const FORMAT_LOCALES: Record<Locale, string> = { en: DEFAULT_DATE_LOCALE_EN, fr: 'fr', es: 'es' };
const translators = new Map<string, Translator>();
let strict = false;

/** True when `tag` is an English BCP 47 locale (en, en-US, en-IE…) that this Node.js can format in. */
export function isEnglishFormattingLocale(tag: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return (
      canonical !== undefined &&
      /^en(-|$)/.test(canonical) &&
      Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0
    );
  } catch {
    return false; // not a well-formed tag
  }
}

/**
 * The locale dates, numbers and plurals of an interface language are formatted in (English: DATE_LOCALE_EN).
 * Set once at start-up (bootstrap); the translators made before are dropped.
 */
export function setFormattingLocale(locale: Locale, formatLocale: string): void {
  if (FORMAT_LOCALES[locale] === formatLocale) return;
  FORMAT_LOCALES[locale] = formatLocale;
  translators.clear();
}

/** The locale dates and numbers are formatted in for an interface language (`en-GB` for English by default). */
export function formattingLocale(locale: Locale): string {
  return FORMAT_LOCALES[locale];
}

/** In tests, a missing message id or a broken ICU message throws instead of printing the id. */
export function setStrictMessages(value: boolean): void {
  strict = value;
  translators.clear();
}

/** True when an ICU message has no argument, plural or escape: its text is the message itself. */
/** Longest text value a formatted message is kept for (longer ones are formatted each time). */
const KEPT_VALUE_LENGTH = 200;

/**
 * The key a formatted message is kept by: its id and each value with its type (a number and the same digits
 * as text may format differently), or null when a value is neither text nor number (a date) or is long.
 */
function messageKey(id: string, values: MessageValues | undefined): string | null {
  let key = id;
  if (values)
    for (const name in values) {
      const value = values[name];
      // -0 formats as "-0" but reads as "0" in a key; a separator inside a text could mimic another value.
      if (typeof value === 'number' && !Object.is(value, -0)) key += `\u0000${name}\u0001n${value}`;
      else if (typeof value === 'string' && value.length <= KEPT_VALUE_LENGTH && !value.includes('\u0000'))
        key += `\u0000${name}\u0001s${value}`;
      else if (value !== undefined) return null;
    }
  return key;
}

function isPlain(message: string): boolean {
  return !message.includes('{') && !message.includes("'");
}

type Formatters = NonNullable<
  Parameters<IntlShape<string>['formatters']['getMessageFormat']>[3]
>['formatters'];

/**
 * A formatter per options object, made once. Compiled messages pass the same options object (from their
 * parsed form) on every call, or none; formatjs's own memoisation serialises every call's arguments to
 * JSON to find its formatter, which cost more than the formatting itself on list pages.
 */
function keptFormatters(): NonNullable<Formatters> {
  const cached = <F>(make: (locales: string | string[] | undefined, options?: object) => F) => {
    const byOptions = new Map<string, Map<object | undefined, F>>();
    return (locales?: string | string[], options?: object): F => {
      const localeKey = String(locales);
      let kept = byOptions.get(localeKey);
      if (!kept) {
        kept = new Map();
        byOptions.set(localeKey, kept);
      }
      let formatter = kept.get(options);
      if (!formatter) {
        formatter = make(locales, options);
        kept.set(options, formatter);
      }
      return formatter;
    };
  };
  const pluralRules = new Map<string, Intl.PluralRules>();
  return {
    getNumberFormat: cached((locales, options) => new Intl.NumberFormat(locales, options)),
    getDateTimeFormat: cached((locales, options) => new Intl.DateTimeFormat(locales, options)),
    // Asked with a new `{ type }` object on every plural: kept by locale and type.
    getPluralRules: (locales?: string | string[], options?: Intl.PluralRulesOptions) => {
      const key = `${String(locales)}|${options?.type ?? 'cardinal'}`;
      let rules = pluralRules.get(key);
      if (!rules) {
        rules = new Intl.PluralRules(locales, options);
        pluralRules.set(key, rules);
      }
      return rules;
    },
  };
}

/** A date formatted; an invalid one reads as "Invalid Date" (throws in tests), as formatjs answered. */
function formatInstant(format: Intl.DateTimeFormat, date: Date): string {
  try {
    return format.format(date);
  } catch (error) {
    if (strict) throw error;
    return String(date);
  }
}

/** The translator for `locale` (memoised). */
export function translator(locale: Locale): Translator {
  const cached = translators.get(locale);
  if (cached) return cached;
  const messages = MESSAGES[locale];
  const formatLocale = FORMAT_LOCALES[locale];
  const formats = new Map<string, ReturnType<IntlShape<string>['formatters']['getMessageFormat']>>();
  const intl = createIntl(
    {
      // English text, international conventions for dates and numbers by default (DATE_LOCALE_EN).
      locale: formatLocale,
      messages,
      defaultLocale: DEFAULT_LOCALE,
      timeZone: 'UTC',
      onError: (error) => {
        if (strict) throw error;
      },
    },
    cache,
  );
  const formatters = keptFormatters();
  // Dates, numbers and amounts go through formatters made once per language (and style or currency).
  const dateFormats = new Map<string, Intl.DateTimeFormat>();
  const dateFormat = (style: 'medium' | 'long' | 'short') => {
    let format = dateFormats.get(style);
    if (!format) {
      format = new Intl.DateTimeFormat(formatLocale, { dateStyle: style, timeZone: 'UTC' });
      dateFormats.set(style, format);
    }
    return format;
  };
  const dateTimeFormat = new Intl.DateTimeFormat(formatLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const numberFormat = new Intl.NumberFormat(formatLocale);
  // The same dates recur on every request (due dates, sessions): their texts are kept (BoundedMemo).
  const dateTexts = new BoundedMemo<string>();
  const moneyFormats = new Map<string, { format: Intl.NumberFormat; divisor: number }>();
  // Messages with values, by id and values: the same counts, dates and names recur on every request, and
  // formatting an ICU message (formatToParts, plural rules) costs microseconds each (BoundedMemo).
  const messageTexts = new BoundedMemo<string>();
  const made: Translator = {
    locale,
    intl,
    t: (id, values) => {
      const source = messages[id];
      if (source === undefined) {
        if (strict) throw new Error(`missing message "${id}" in ${locale}`);
        return id;
      }
      // formatMessage builds a cache key from its arguments on every call (formatjs#1644), which cost a
      // third of a catalogue page: plain messages are returned as they are, the others compiled once.
      if (isPlain(source)) return source;
      const key = messageKey(id, values);
      const kept = key === null ? undefined : messageTexts.peek(key);
      if (kept !== undefined) return kept;
      let compiled = formats.get(id);
      if (!compiled) {
        compiled = intl.formatters.getMessageFormat(source, formatLocale, intl.formats, { formatters });
        formats.set(id, compiled);
      }
      try {
        const text = String(compiled.format(values as Record<string, string>));
        if (key !== null) messageTexts.set(key, text);
        return text;
      } catch (error) {
        if (strict) throw error;
        return source;
      }
    },
    has: (id) => id in messages,
    date: (isoDate, style = 'medium') =>
      dateTexts.get(`${style}|${isoDate.slice(0, 10)}`, () =>
        formatInstant(dateFormat(style), new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
      ),
    dateTime: (iso) => dateTexts.get(`t|${iso}`, () => formatInstant(dateTimeFormat, new Date(iso))),
    number: (value) => numberFormat.format(value),
    money: (minorUnits, currency) => {
      let money = moneyFormats.get(currency);
      if (!money) {
        const format = new Intl.NumberFormat(formatLocale, { style: 'currency', currency });
        const digits =
          new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
            .maximumFractionDigits ?? 2;
        money = { format, divisor: 10 ** digits };
        moneyFormats.set(currency, money);
      }
      return money.format.format(minorUnits / money.divisor);
    },
  };
  translators.set(locale, made);
  return made;
}

/** Answers for the Accept-Language headers seen (a browser sends the same one on every request). */
const negotiated = new Map<string, Locale | null>();
const KEPT_HEADERS = 500;
const KEPT_HEADER_LENGTH = 200;

/** The best interface language for an Accept-Language header, or null when none of ours is asked for. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const kept = negotiated.get(acceptLanguage);
  if (kept !== undefined) return kept;
  const found = rankedLocale(acceptLanguage);
  if (acceptLanguage.length <= KEPT_HEADER_LENGTH) {
    if (negotiated.size >= KEPT_HEADERS) negotiated.clear();
    negotiated.set(acceptLanguage, found);
  }
  return found;
}

function rankedLocale(acceptLanguage: string): Locale | null {
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return {
        base: tag.trim().toLowerCase().split('-')[0] ?? '',
        quality: Number.isNaN(quality) ? 0 : quality,
        index,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) if (isLocale(entry.base)) return entry.base;
  return null;
}
