import { z } from 'zod';
import { isCountryCode } from '../../i18n/countries.js';
import { LOCALES } from '../../i18n/i18n.js';
import { isoDateSchema, optionalDateSchema } from '../../kernel/schemas.js';
import { CONSTITUENCIES } from '../identity/identity.schemas.js';
import { slugSchema } from '../programmes/programmes.schemas.js';
import { MAX_EXTENSION_MONTHS, MAX_REASON_LENGTH } from './rules/record.js';

/** Inputs of the pathway use cases, shared by forms, the JSON API and the CLI. */

export const CANDIDATE_STATUSES = ['active', 'reinstated', 'completed', 'expired', 'withdrawn'] as const;
export const RESULT_OUTCOMES = ['achievement', 'participation', 'not-passed', 'withdrawn'] as const;
export type ResultOutcome = (typeof RESULT_OUTCOMES)[number];
export const CAPSTONE_STATUSES = ['not-started', 'in-progress', 'passed', 'failed'] as const;
export const GRADE_MAX_LENGTH = 20;
export const NOTE_MAX_LENGTH = 500;
export const RULES_MAX_LENGTH = 50_000;

const emailish = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'validation.required')
  .max(254, 'validation.tooLong')
  .pipe(z.email('validation.invalidEmail'));

export const registerCandidateSchema = z.object({
  email: emailish,
  registeredOn: optionalDateSchema,
});

export const extensionSchema = z.object({
  months: z.coerce
    .number('validation.notNumber')
    .int('validation.notInteger')
    .min(1, 'validation.tooSmall')
    .max(MAX_EXTENSION_MONTHS, 'validation.tooBig'),
  reason: z.string().trim().min(1, 'validation.required').max(MAX_REASON_LENGTH, 'validation.tooLong'),
});

export const withdrawSchema = z.object({
  reason: z.string().trim().min(1, 'validation.required').max(MAX_REASON_LENGTH, 'validation.tooLong'),
});

export const moveVersionSchema = z.object({
  ruleVersionId: z.string().trim().min(1, 'validation.required').max(64, 'validation.tooLong'),
});

export const capstoneStatusSchema = z
  .object({ status: z.enum(CAPSTONE_STATUSES, 'validation.invalidChoice'), completedOn: optionalDateSchema })
  .refine((v) => v.status !== 'passed' || v.completedOn !== null, {
    message: 'validation.capstoneDateNeeded',
    path: ['completedOn'],
  });

/** A rule version: the rules as JSON text (forms) or an object (API), checked by the engine's schema. */
export const ruleVersionSchema = z.object({
  effectiveFrom: isoDateSchema,
  note: z.string().trim().max(NOTE_MAX_LENGTH, 'validation.tooLong').optional().default(''),
  rules: z.union([z.string().max(RULES_MAX_LENGTH, 'validation.tooLong'), z.record(z.string(), z.unknown())]),
});

export const enrolSchema = z.object({ email: emailish });

/** A result as entered for one enrolment. */
export const resultSchema = z.object({
  outcome: z.enum(RESULT_OUTCOMES, 'validation.invalidChoice'),
  // null is its own output (no grade): the API validates the body and the use case parses it again.
  grade: z
    .string()
    .trim()
    .max(GRADE_MAX_LENGTH, 'validation.tooLong')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  completedOn: isoDateSchema,
});
export type ResultInput = z.infer<typeof resultSchema>;

/** Most results one class-list request may record. */
export const MAX_CLASS_RESULTS = 2000;

/** The results of a class in one request (JSON API): every row is checked; one problem refuses them all. */
export const classResultsSchema = z.object({
  rows: z
    .array(resultSchema.extend({ enrolmentId: z.string().trim().min(1, 'validation.required').max(64) }))
    .max(MAX_CLASS_RESULTS, 'validation.tooMany'),
});

export const CANDIDATES_PAGE_SIZE = 50;
const empty = z.literal('').transform(() => undefined);
/**
 * A yes/no filter of the query string. It also accepts its own output (a boolean): the API validates the
 * query string and the use case parses the result again.
 */
const flag = z
  .union([z.boolean(), z.literal(''), z.literal('1'), z.literal('true'), z.literal('0'), z.literal('false')])
  .optional()
  .transform((v) => v === true || v === '1' || v === 'true');

export const candidateQuerySchema = z.object({
  q: z.string().trim().max(100, 'validation.tooLong').optional(),
  status: z.union([empty, z.enum(CANDIDATE_STATUSES, 'validation.invalidChoice')]).optional(),
  atRisk: flag,
  ready: flag,
  deadlineWithinMonths: z
    .union([
      empty,
      z.coerce
        .number('validation.notNumber')
        .int('validation.notInteger')
        .min(0, 'validation.tooSmall')
        .max(120, 'validation.tooBig'),
    ])
    .optional(),
  country: z
    .union([empty, z.string().trim().toUpperCase().refine(isCountryCode, 'validation.invalidCountry')])
    .optional(),
  constituency: z.union([empty, z.enum(CONSTITUENCIES, 'validation.invalidChoice')]).optional(),
  language: z.union([empty, z.enum(LOCALES, 'validation.invalidChoice')]).optional(),
  sort: z
    .union([empty, z.enum(['name', 'deadline', 'registered', 'progress'], 'validation.invalidChoice')])
    .optional(),
  direction: z.union([empty, z.enum(['asc', 'desc'], 'validation.invalidChoice')]).optional(),
  page: z.coerce
    .number('validation.notNumber')
    .int('validation.notInteger')
    .min(1, 'validation.tooSmall')
    .max(100000, 'validation.tooBig')
    .default(1),
});
export type CandidateQuery = z.infer<typeof candidateQuerySchema>;

/** The candidates list of the JSON API: the programme (by slug) and the same filters as the page. */
export const candidateListQuerySchema = candidateQuerySchema.extend({ programme: slugSchema });
