/** Pure checks of the texts people write in groups (pages, work, comments). */
import { z } from 'zod';

/** True when `s` holds a control character other than a line break or a tab. */
export function hasControlCharacters(s: string): boolean {
  return /[^\P{Cc}\n\t]/u.test(s);
}

/** A Markdown text of at most `max` characters (line ends made `\n`; no control characters). */
export const markdownText = (max: number) =>
  z
    .string('validation.required')
    .max(max, 'validation.tooLong')
    .transform((s) => s.replace(/\r\n?/g, '\n'))
    .refine((s) => !hasControlCharacters(s), 'validation.invalidCharacters');

/** A version number sent back with an edit form (0: nothing saved yet). */
export const versionField = z.coerce
  .number('validation.invalid')
  .int('validation.invalid')
  .min(0, 'validation.invalid');
