import { z } from 'zod';
import { LOCALES } from './i18n.js';

/**
 * Per-language text written by managers: `{ en?, fr?, es? }`. `required` means at least one language has
 * text (the page falls back visibly to it); the other languages can come later.
 */
export function localizedTextSchema(maxLength: number, options: { required?: boolean } = {}) {
  const text = z.string().trim().max(maxLength, 'validation.tooLong').optional();
  const shape = z.object({ en: text, fr: text, es: text }, 'validation.invalid');
  if (!options.required) return shape.default({});
  return shape.refine((value) => LOCALES.some((l) => (value[l] ?? '').length > 0), {
    message: 'validation.requiredOneLanguage',
    path: [LOCALES[0]],
  });
}

/** Collects form fields named `title.en`, `title.fr`, `title.es` into `{ title: { en, fr, es } }`. */
export function nestLocalizedFields(
  body: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const field of fields) {
    if (out[field] && typeof out[field] === 'object') continue;
    const value: Record<string, unknown> = {};
    for (const locale of LOCALES) {
      const key = `${field}.${locale}`;
      if (key in body) value[locale] = body[key];
      delete out[key];
    }
    out[field] = value;
  }
  return out;
}
