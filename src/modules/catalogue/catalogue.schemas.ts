import { z } from 'zod';
import { localizedTextSchema } from '../../i18n/localized.schemas.js';
import {
  checkboxSchema,
  isoDateSchema,
  optionalDateSchema,
  optionalInteger,
  stringList,
} from '../../kernel/schemas.js';
import {
  LONG_TEXT_MAX_LENGTH,
  SUMMARY_MAX_LENGTH,
  slugSchema,
  TITLE_MAX_LENGTH,
} from '../programmes/programmes.schemas.js';
import { CREDENTIAL_TYPES, EDITION_STATUSES, MODES, PROGRAMME_ROLES, TEACHING_LANGUAGES } from './course.js';

/** Course codes: a capital letter then up to 15 capitals, digits or dashes (LMA, ELMA, A9012020). */
export const courseCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'validation.courseCode');

export const MAX_THEMES_PER_COURSE = 10;
export const MAX_EQUIVALENCES = 20;
export const MAX_FACILITATORS = 20;
export const PLACE_MAX_LENGTH = 200;
export const MAX_CAPACITY = 100000;

export const courseSchema = z.object({
  code: courseCodeSchema,
  title: localizedTextSchema(TITLE_MAX_LENGTH, { required: true }),
  summary: localizedTextSchema(SUMMARY_MAX_LENGTH),
  description: localizedTextSchema(LONG_TEXT_MAX_LENGTH),
  learningHours: z.coerce
    .number('validation.notNumber')
    .int('validation.notInteger')
    .min(1, 'validation.tooSmall')
    .max(2000, 'validation.tooBig'),
  credentialOnSuccess: z.enum(CREDENTIAL_TYPES, 'validation.invalidChoice'),
  themes: stringList(slugSchema, MAX_THEMES_PER_COURSE),
  programmes: z
    .array(z.object({ slug: slugSchema, role: z.enum(PROGRAMME_ROLES, 'validation.invalidChoice') }))
    .max(20, 'validation.tooMany')
    .default([]),
  countsAs: stringList(courseCodeSchema, MAX_EQUIVALENCES),
});
export type CourseInput = z.infer<typeof courseSchema>;

/** An amount of money as typed: `1500` or `1500.50` (no thousands separators), in major units. */
const feeAmountSchema = z.preprocess(
  (v) => (v === '' || v === undefined ? null : typeof v === 'number' ? String(v) : v),
  z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, 'validation.invalidAmount')
    .nullable(),
);

export const editionSchema = z.object({
  code: z
    .preprocess((v) => (v === '' ? null : v), courseCodeSchema.nullable())
    .optional()
    .transform((v) => v ?? null),
  language: z.enum(TEACHING_LANGUAGES, 'validation.invalidChoice'),
  mode: z.enum(MODES, 'validation.invalidChoice'),
  place: localizedTextSchema(PLACE_MAX_LENGTH),
  selfPacedStart: optionalDateSchema,
  selfPacedEnd: optionalDateSchema,
  liveStart: optionalDateSchema,
  liveEnd: optionalDateSchema,
  residentialStart: optionalDateSchema,
  residentialEnd: optionalDateSchema,
  assignmentDue: optionalDateSchema,
  capacity: optionalInteger(1, MAX_CAPACITY),
  registrationOpen: checkboxSchema,
  registrationDeadline: optionalDateSchema,
  feeAmount: feeAmountSchema,
  feeCurrency: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'validation.invalidCurrency')
      .nullable(),
  ),
  status: z.enum(EDITION_STATUSES, 'validation.invalidChoice').default('scheduled'),
  facilitatorIds: stringList(z.string().max(64), MAX_FACILITATORS),
});
export type EditionInput = z.infer<typeof editionSchema>;

export const CATALOGUE_PAGE_SIZE = 20;
export const EDITIONS_SHOWN_PER_COURSE = 4;

/**
 * A yes/no filter of the query string. It also accepts its own output (a boolean): the API validates the
 * query string and the use case parses the result again.
 */
const queryFlag = z
  .union([z.boolean(), z.literal(''), z.literal('1'), z.literal('true'), z.literal('0'), z.literal('false')])
  .optional()
  .transform((v) => v === true || v === '1' || v === 'true');

/** The public catalogue's filters, from the query string. */
export const catalogueQuerySchema = z
  .object({
    q: z.string().trim().max(200, 'validation.tooLong').optional(),
    theme: z.union([z.literal('').transform(() => undefined), slugSchema]).optional(),
    language: z
      .union([
        z.literal('').transform(() => undefined),
        z.enum(TEACHING_LANGUAGES, 'validation.invalidChoice'),
      ])
      .optional(),
    mode: z
      .union([z.literal('').transform(() => undefined), z.enum(MODES, 'validation.invalidChoice')])
      .optional(),
    open: queryFlag,
    from: z.union([z.literal('').transform(() => undefined), isoDateSchema]).optional(),
    to: z.union([z.literal('').transform(() => undefined), isoDateSchema]).optional(),
    retired: queryFlag,
    page: z.coerce
      .number('validation.notNumber')
      .int('validation.notInteger')
      .min(1, 'validation.tooSmall')
      .max(10000, 'validation.tooBig')
      .default(1),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'catalogue.error.reversedDates',
    path: ['to'],
  });
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;
