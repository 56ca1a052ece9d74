import { z } from 'zod';

/** Small zod building blocks shared by the modules' schemas (forms send strings; the API sends JSON). */

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z
  .string('validation.invalidDate')
  .trim()
  // Stops here when the shape is wrong: one "invalid date" message, not the same one twice.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.invalidDate', abort: true })
  .refine(isCalendarDate, 'validation.invalidDate');

/** An optional date: empty text or null means none. */
export const optionalDateSchema = z
  .union([z.literal('').transform(() => null), z.null(), isoDateSchema])
  .optional()
  .transform((v) => v ?? null);

/** A form's checkbox group or multi-select (absent → [], one value → [value]) or a JSON array. */
export function stringList<T extends z.ZodType>(item: T, max: number) {
  return z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(max, 'validation.tooMany'),
  );
}

/** A form checkbox ('on', '1', 'true') or a JSON boolean. */
export const checkboxSchema = z.preprocess(
  (v) => v === true || v === 'on' || v === '1' || v === 'true',
  z.boolean(),
);

/** An optional whole number from a form field or JSON (empty → null). */
export function optionalInteger(min: number, max: number) {
  return z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce
      .number('validation.notNumber')
      .int('validation.notInteger')
      .min(min, 'validation.tooSmall')
      .max(max, 'validation.tooBig')
      .nullable(),
  );
}
