import { z } from 'zod';
import { isCountryCode } from '../../../i18n/countries.js';
import { slugSchema } from '../../programmes/programmes.schemas.js';
import { APPLICATION_STATUSES, CONSTITUENCIES, DECISIONS } from '../application.js';
import { RECOMMENDATIONS } from './review.js';

/** Inputs of the staff side of admissions (review queue, assignment, scores, comments, decisions). */

export const REVIEW_PAGE_SIZE = 50;
export const CSV_EXPORT_MAX_ROWS = 50_000;
export const COMMENT_MAX_LENGTH = 4000;
export const NOTE_MAX_LENGTH = 4000;
export const DECISION_MESSAGE_MAX_LENGTH = 4000;
export const REASON_MAX_LENGTH = 2000;

/** Statuses the queue can filter on (a draft never reaches the staff). */
export const QUEUE_STATUSES = APPLICATION_STATUSES.filter((s) => s !== 'draft');
export const ELIGIBILITY_FILTERS = ['eligible', 'not-eligible', 'overridden'] as const;

const empty = z.literal('').transform(() => undefined);
const idSchema = z
  .string('validation.required')
  .trim()
  .regex(/^[0-9a-f-]{36}$/, 'validation.invalid');

/** True when `text` holds a control character other than tab, line feed and carriage return. */
function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

/** Free text a person writes (a comment, a reason, a message): trimmed, required, limited, no control characters. */
function writtenText(max: number) {
  return z
    .string('validation.required')
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong')
    .refine((s) => !hasControlCharacter(s), 'validation.invalidCharacters');
}

export const reviewQueueQuerySchema = z.object({
  status: z.union([empty, z.enum(QUEUE_STATUSES, 'validation.invalidChoice')]).optional(),
  country: z
    .union([empty, z.string().trim().toUpperCase().refine(isCountryCode, 'validation.invalidCountry')])
    .optional(),
  constituency: z.union([empty, z.enum(CONSTITUENCIES, 'validation.invalidChoice')]).optional(),
  eligibility: z.union([empty, z.enum(ELIGIBILITY_FILTERS, 'validation.invalidChoice')]).optional(),
  reviewer: z.union([empty, idSchema]).optional(),
  direction: z.union([empty, z.enum(['asc', 'desc'], 'validation.invalidChoice')]).optional(),
  page: z.coerce
    .number('validation.notNumber')
    .int('validation.notInteger')
    .min(1, 'validation.tooSmall')
    .max(100_000, 'validation.tooBig')
    .default(1),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

/** The queue in the JSON API: the programme by slug and the same filters. */
export const reviewQueueApiQuerySchema = reviewQueueQuerySchema.extend({ programme: slugSchema });

export const assignReviewerSchema = z.object({ reviewerId: idSchema });

export const scoreApplicationSchema = z.object({
  /** Points per criterion id (checked against the programme's criteria by the use case). */
  scores: z.record(
    z.string().max(40),
    z.coerce.number('validation.notNumber').int('validation.notInteger'),
    'validation.required',
  ),
  recommendation: z.enum(RECOMMENDATIONS, 'validation.invalidChoice'),
  note: z
    .union([empty, z.null(), writtenText(NOTE_MAX_LENGTH)])
    .optional()
    .transform((v) => v ?? null),
});

export const commentSchema = z.object({ body: writtenText(COMMENT_MAX_LENGTH) });

export const decideSchema = z.object({
  decision: z.enum(DECISIONS, 'validation.invalidChoice'),
  message: z
    .union([empty, z.null(), writtenText(DECISION_MESSAGE_MAX_LENGTH)])
    .optional()
    .transform((v) => v ?? null),
});

export const reasonSchema = z.object({ reason: writtenText(REASON_MAX_LENGTH) });
