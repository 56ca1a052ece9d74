/**
 * zod inputs of the results pages and API: the policy editor's form (percentages as decimal text, read
 * into hundredths exactly), an override, the gradebook's filter. Messages are translation keys.
 */
import { z } from 'zod';
import { HUNDRED_PERCENT, hundredthsOf, positiveIntegerOf } from './decimal.js';
import { CERTIFICATE_CHOICES } from './edition-policy.js';
import { isIsoDay } from './result-files.schemas.js';

/** Most characters of an override's reason. */
export const REASON_MAX_LENGTH = 500;
/** The largest weight a component may have. */
export const MAX_WEIGHT = 1000;

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

/** A percentage written as decimal text ("72.5", "72,5") → hundredths. */
export const percentText = text.transform((value, context) => {
  const hundredths = hundredthsOf(value.replace(',', '.'));
  if (value === '' || hundredths === null || hundredths < 0 || hundredths > HUNDRED_PERCENT) {
    context.addIssue({ code: 'custom', message: 'results.error.percentage' });
    return z.NEVER;
  }
  return hundredths;
});

/** An optional percentage: empty means "not set" (null). */
const optionalPercent = z
  .union([z.literal('').transform(() => null), z.null(), percentText])
  .optional()
  .transform((v) => v ?? null);

const weightText = text.transform((value, context) => {
  const weight = positiveIntegerOf(value);
  if (weight === null || weight > MAX_WEIGHT) {
    context.addIssue({ code: 'custom', message: 'results.error.weight' });
    return z.NEVER;
  }
  return weight;
});

const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

/** The policy editor: components keyed by space item id (an item without a weight is no component). */
export const editionPolicyInputSchema = z.object({
  passMark: percentText,
  requiredItemsComplete: checkbox,
  minAttendance: optionalPercent,
  participationMinAttendance: optionalPercent,
  achievementGives: z.enum(CERTIFICATE_CHOICES, 'validation.invalidChoice'),
  participationGives: z.enum(CERTIFICATE_CHOICES, 'validation.invalidChoice'),
  components: z.record(
    z.string().max(64),
    z.object({
      weight: weightText,
      minMark: optionalPercent,
      cutoff: z.string().trim().refine(isIsoDay, 'results.error.date'),
    }),
  ),
});
export type EditionPolicyInput = z.input<typeof editionPolicyInputSchema>;

/** An override of one person's mark on one component: a percentage or `excused`, with a reason; or cleared. */
export const overrideInputSchema = z.object({
  personId: z.string().trim().min(1, 'validation.required').max(64),
  componentId: z.string().trim().min(1, 'validation.required').max(64),
  mark: z.union([z.literal('excused'), z.literal('clear'), percentText]),
  reason: z
    .string()
    .trim()
    .min(1, 'results.error.reasonRequired')
    .max(REASON_MAX_LENGTH, 'validation.tooLong'),
});
export type OverrideInput = z.input<typeof overrideInputSchema>;
