/** The capstones' inputs (forms, API, CLI share them). Limits are named constants. */
import { z } from 'zod';
import { isCountryCode } from '../../i18n/countries.js';
import { isoDateSchema, optionalDateSchema } from '../../kernel/schemas.js';
import { CAPSTONE_LANGUAGES, LIBRARY_LICENCES } from './capstone.js';

export const TITLE_MAX = 200;
export const QUESTION_MAX = 2000;
export const APPROACH_MAX = 2000;
export const THEME_MAX = 80;
export const THEMES_MAX = 8;
export const COMMENT_MAX = 4000;
export const ABSTRACT_MAX = 3000;
export const MESSAGE_MAX = 4000;

const text = (max: number) => z.string().trim().max(max, 'validation.tooLong');
const required = (max: number) => text(max).min(1, 'validation.required');

/**
 * The proposal form: `approach.<COURSE>` fields carry the approach per counted course; themes are one per
 * line (or an array from the API).
 */
/** The three planned milestone dates of a form (empty: not planned yet). */
function timelineFields() {
  return {
    outlineDue: optionalDateSchema.optional().default(null),
    draftDue: optionalDateSchema.optional().default(null),
    finalDue: optionalDateSchema.optional().default(null),
  };
}

export const proposalSchema = z.object({
  title: required(TITLE_MAX),
  country: z.string().trim().toUpperCase().refine(isCountryCode, 'capstones.error.country'),
  policyQuestion: required(QUESTION_MAX),
  themes: z
    .union([z.string().max(THEMES_MAX * (THEME_MAX + 2), 'validation.tooLong'), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(/[\n,]/))
        .map((t) => t.trim())
        .filter(Boolean)
        .filter((t, i, all) => all.indexOf(t) === i),
    )
    .pipe(
      z
        .array(z.string().max(THEME_MAX, 'validation.tooLong'))
        .min(1, 'capstones.error.themeNeeded')
        .max(THEMES_MAX, 'capstones.error.tooManyThemes'),
    ),
  language: z.enum(CAPSTONE_LANGUAGES, 'validation.invalidChoice'),
  ...timelineFields(),
});

/** The approaches of a proposal form: every `approach.<CODE>` field (codes as the pathway counts them). */
export function approachesFromForm(body: Record<string, unknown>): { course: string; text: string }[] {
  const out: { course: string; text: string }[] = [];
  for (const [key, value] of Object.entries(body)) {
    const match = /^approach\.([A-Z0-9]{1,20})$/.exec(key);
    if (match && typeof value === 'string' && value.trim())
      out.push({ course: match[1]!, text: value.trim().slice(0, APPROACH_MAX) });
  }
  if (Array.isArray(body.approaches))
    for (const item of body.approaches as { course?: unknown; text?: unknown }[])
      if (typeof item?.course === 'string' && typeof item.text === 'string' && item.text.trim())
        out.push({ course: item.course, text: item.text.trim().slice(0, APPROACH_MAX) });
  return out;
}

export const DECISIONS = ['approve', 'return', 'reject'] as const;
export const decisionSchema = z
  .object({ decision: z.enum(DECISIONS, 'validation.invalidChoice'), comment: text(COMMENT_MAX).default('') })
  .refine((v) => v.decision === 'approve' || v.comment.length > 0, {
    message: 'capstones.error.commentNeeded',
    path: ['comment'],
  });

export const supervisorSchema = z.object({ supervisorId: z.string().uuid('validation.invalidChoice') });
export const supervisorLoadSchema = z.object({
  personId: z.string().uuid('validation.invalidChoice'),
  maxLoad: z.coerce.number('validation.number').int('validation.number').min(0).max(100),
});

export const messageSchema = z.object({ body: required(MESSAGE_MAX) });

export const finalSchema = z.object({
  declared: z.union([z.literal('on'), z.literal('true'), z.literal(true)], {
    error: 'capstones.error.declarationNeeded',
  }),
  abstract_en: text(ABSTRACT_MAX).default(''),
  abstract_fr: text(ABSTRACT_MAX).default(''),
  abstract_es: text(ABSTRACT_MAX).default(''),
});

export const assessorsSchema = z.object({
  firstMarkerId: z.string().uuid('validation.invalidChoice'),
  secondMarkerId: z.string().uuid('validation.invalidChoice'),
});

export const OUTCOMES = ['pass', 'require-resubmission', 'fail'] as const;
export const outcomeSchema = z.object({
  outcome: z.enum(OUTCOMES, 'validation.invalidChoice'),
  resubmissionDue: optionalDateSchema.optional().default(null),
});

export const settingsSchema = z.object({
  rubricId: z.union([z.literal('').transform(() => null), z.string().uuid('validation.invalidChoice')]),
  passMark: z.coerce.number('validation.number').min(0).max(100),
  discrepancy: z.coerce.number('validation.number').min(0).max(100),
  showMark: z.union([z.literal('on'), z.literal('true'), z.literal(true)]).optional(),
});

export const consentSchema = z.object({
  consent: z.union([z.literal('on'), z.literal('true'), z.literal(true)]).optional(),
  licence: z.union([z.literal(''), z.enum(LIBRARY_LICENCES, 'validation.invalidChoice')]).default(''),
  showAuthor: z.union([z.literal('on'), z.literal('true'), z.literal(true)]).optional(),
  linkDiploma: z.union([z.literal('on'), z.literal('true'), z.literal(true)]).optional(),
});

export const librarySearchSchema = z.object({
  q: z.string().trim().max(200).optional().default(''),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .max(2)
    .optional()
    .default('')
    .refine((c) => c === '' || isCountryCode(c), 'capstones.error.country'),
  theme: z.string().trim().max(THEME_MAX).optional().default(''),
  language: z
    .union([z.literal(''), z.enum(CAPSTONE_LANGUAGES)])
    .optional()
    .default(''),
  year: z
    .union([z.literal(''), z.coerce.number().int().min(2000).max(2100)])
    .optional()
    .default(''),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
});
export type LibrarySearch = z.output<typeof librarySearchSchema>;

/** A manager names a manager to a programme's capstone committee, or takes them off it. */
export const committeeSchema = z.object({
  committeeProgrammeId: z.string().uuid('validation.invalidChoice'),
  memberId: z.string().uuid('validation.invalidChoice'),
  change: z.enum(['add', 'remove'], 'validation.invalidChoice').default('add'),
});

/** The milestones that can be recorded as reached (the final one is the hand-in itself). */
export const REACHABLE_MILESTONES = ['outline', 'draft'] as const;
/** The planned milestone dates of a capstone in progress, planned again (after an extension, say). */
export const timelineSchema = z.object(timelineFields());
export const milestoneSchema = z.object({
  milestone: z.enum(REACHABLE_MILESTONES, 'validation.invalidChoice'),
  reachedOn: isoDateSchema,
});
