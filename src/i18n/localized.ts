import { LOCALES, type Locale } from './i18n.js';

/**
 * Content that managers write in several languages, stored as `{ "en": "…", "fr": "…" }`. Any language
 * code may appear (a course may also be described in Arabic); the interface languages come first when
 * falling back.
 */
export type LocalizedText = Partial<Record<string, string>>;

/** A text chosen for a reader: `lang` is the language it is actually in; `isFallback` when it is not theirs. */
export interface PickedText {
  text: string;
  lang: string;
  isFallback: boolean;
}

/** Picks the reader's language, else the first other language that has text (en, fr, es, then any). */
export function pickLocalized(value: LocalizedText, locale: Locale): PickedText {
  const own = value[locale]?.trim();
  if (own) return { text: own, lang: locale, isFallback: false };
  const order = [...LOCALES.filter((l) => l !== locale), ...Object.keys(value)];
  for (const lang of order) {
    const text = value[lang]?.trim();
    if (text) return { text, lang, isFallback: true };
  }
  return { text: '', lang: locale, isFallback: false };
}

/** Parses a stored `*_i18n` column; a damaged value reads as empty rather than failing the page. */
export function parseLocalized(json: string): LocalizedText {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: LocalizedText = {};
    for (const [key, text] of Object.entries(parsed)) if (typeof text === 'string') out[key] = text;
    return out;
  } catch {
    return {};
  }
}

/** Serialises a localized text for storage, dropping empty languages. */
export function serializeLocalized(value: LocalizedText): string {
  const clean: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) if (text?.trim()) clean[key] = text.trim();
  return JSON.stringify(clean);
}
