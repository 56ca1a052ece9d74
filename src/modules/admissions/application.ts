/**
 * PERSISTED SHAPE: the answers of an application are stored as JSON (`applications.answers_json`); add
 * optional fields only, never rename one. The application form's domain: the answers of each step, the
 * statuses and their transitions, and what a draft still misses before it can be submitted. Pure.
 */
import { z } from 'zod';
import { isCountryCode } from '../../i18n/countries.js';
import { CONSTITUENCIES } from '../identity/identity.schemas.js';

export { CONSTITUENCIES };
export type Constituency = (typeof CONSTITUENCIES)[number];

/** The steps of the form, in order; a draft remembers the step the applicant reached. */
export const APPLICATION_STEPS = [
  'person',
  'work',
  'education',
  'motivation',
  'documents',
  'review',
] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

export const SEXES = ['female', 'male', 'other', 'prefer-not-to-say'] as const;
export type Sex = (typeof SEXES)[number];

/** Degrees from lowest to highest: the order matters for the "minimum degree" eligibility rule. */
export const DEGREES = ['secondary', 'post-secondary', 'bachelor', 'master', 'doctorate'] as const;
export type Degree = (typeof DEGREES)[number];

export const FIELDS_OF_STUDY = [
  'law',
  'economics',
  'political-science',
  'international-relations',
  'public-administration',
  'social-sciences',
  'development-studies',
  'business',
  'humanities',
  'education',
  'health',
  'natural-sciences',
  'engineering',
  'other',
] as const;
export type FieldOfStudy = (typeof FIELDS_OF_STUDY)[number];

/** Language levels from lowest to highest (the order matters for the language eligibility rule). */
export const LANGUAGE_LEVELS = ['basic', 'intermediate', 'advanced', 'native'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

/** Languages an applicant may declare (ISO 639-1; names come from Intl.DisplayNames in the reader's language). */
export const APPLICANT_LANGUAGES = [
  'en',
  'fr',
  'es',
  'ar',
  'pt',
  'ru',
  'zh',
  'de',
  'it',
  'sw',
  'am',
  'ha',
  'yo',
  'hi',
  'bn',
  'ur',
  'ne',
  'id',
  'ms',
  'tl',
  'th',
  'vi',
  'tr',
  'fa',
  'uk',
  'pl',
  'ro',
] as const;
export type ApplicantLanguage = (typeof APPLICANT_LANGUAGES)[number];

export const FULL_NAME_MAX = 200;
export const ORGANISATION_MAX = 200;
export const POSITION_MAX = 200;
export const YEARS_MAX = 60;
export const LANGUAGES_MAX = 8;
/** Length limits of the motivation statement (characters), shown as the applicant types. */
export const MOTIVATION_MIN_LENGTH = 300;
export const MOTIVATION_MAX_LENGTH = 3000;
export const JUSTIFICATION_MAX_LENGTH = 2000;

/** Empty form values mean "not answered yet" (a draft may be saved half-filled). */
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? blank(v.trim()) : v),
    z
      .string()
      .max(max, 'validation.tooLong')
      // Any script, but no control characters.
      .refine((s) => !/\p{Cc}/u.test(s), 'validation.invalidCharacters')
      .optional(),
  );
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blank, z.enum(values, 'validation.invalidChoice').optional());
const country = z.preprocess(
  (v) => (typeof v === 'string' ? blank(v.trim().toUpperCase()) : v),
  z.string().refine(isCountryCode, 'validation.invalidChoice').optional(),
);

export const languageSkillSchema = z.object({
  code: z.enum(APPLICANT_LANGUAGES, 'validation.invalidChoice'),
  level: z.enum(LANGUAGE_LEVELS, 'validation.invalidChoice'),
});
export type LanguageSkill = z.infer<typeof languageSkillSchema>;

/** The answers of each step. Every field is optional in a draft; `missingForSubmission` says what is still needed. */
export const stepSchemas = {
  person: z.object({
    fullName: text(FULL_NAME_MAX),
    countryOfResidence: country,
    nationality: country,
    sex: choice(SEXES),
  }),
  work: z.object({
    constituency: choice(CONSTITUENCIES),
    organisation: text(ORGANISATION_MAX),
    position: text(POSITION_MAX),
    yearsOfExperience: z.preprocess(
      blank,
      z.coerce
        .number('validation.notNumber')
        .int('validation.notInteger')
        .min(0, 'validation.tooSmall')
        .max(YEARS_MAX, 'validation.tooBig')
        .optional(),
    ),
  }),
  education: z.object({
    highestDegree: choice(DEGREES),
    fieldOfStudy: choice(FIELDS_OF_STUDY),
    languages: z
      .array(languageSkillSchema)
      .max(LANGUAGES_MAX, 'validation.tooMany')
      .refine(
        (list) => new Set(list.map((l) => l.code)).size === list.length,
        'admissions.error.duplicateLanguage',
      )
      .optional(),
  }),
  motivation: z.object({
    // The maximum is enforced while drafting too; the minimum only at submission.
    motivation: z.preprocess(
      (v) => (typeof v === 'string' ? blank(v.trim()) : v),
      z.string().max(MOTIVATION_MAX_LENGTH, 'admissions.error.motivationTooLong').optional(),
    ),
  }),
  documents: z.object({}),
  review: z.object({
    consent: z
      .preprocess((v) => v === true || v === 'on' || v === '1' || v === 'true', z.boolean())
      .optional(),
  }),
} as const satisfies Record<ApplicationStep, z.ZodObject>;

/** Everything an application can hold (each step's answers merged). */
export const answersSchema = z.object({
  ...stepSchemas.person.shape,
  ...stepSchemas.work.shape,
  ...stepSchemas.education.shape,
  ...stepSchemas.motivation.shape,
  ...stepSchemas.review.shape,
});
export type ApplicationAnswers = z.infer<typeof answersSchema>;

/** The uploaded documents of an application. */
export const FILE_KINDS = ['cv', 'letter'] as const;
export type ApplicationFileKind = (typeof FILE_KINDS)[number];
export const REQUIRED_FILE_KINDS: readonly ApplicationFileKind[] = ['cv'];

/** A required answer that is missing or not acceptable yet, with the step it belongs to. */
export interface MissingItem {
  step: ApplicationStep;
  field: string;
  /** Message id (admissions area) saying what is wrong. */
  key: string;
  values?: Record<string, number>;
}

const REQUIRED_FIELDS: readonly [ApplicationStep, keyof ApplicationAnswers][] = [
  ['person', 'fullName'],
  ['person', 'countryOfResidence'],
  ['person', 'nationality'],
  ['work', 'constituency'],
  ['work', 'organisation'],
  ['work', 'position'],
  ['work', 'yearsOfExperience'],
  ['education', 'highestDegree'],
  ['education', 'fieldOfStudy'],
  ['education', 'languages'],
  ['motivation', 'motivation'],
];

/** Pure: what the application still misses before it can be submitted (empty: complete). */
export function missingForSubmission(
  answers: ApplicationAnswers,
  fileKinds: readonly string[],
): MissingItem[] {
  const missing: MissingItem[] = [];
  for (const [step, field] of REQUIRED_FIELDS) {
    const value = answers[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0))
      missing.push({ step, field, key: 'admissions.missing.required' });
  }
  const length = answers.motivation ? [...answers.motivation].length : 0;
  if (answers.motivation !== undefined && length < MOTIVATION_MIN_LENGTH)
    missing.push({
      step: 'motivation',
      field: 'motivation',
      key: 'admissions.error.motivationTooShort',
      values: { min: MOTIVATION_MIN_LENGTH, count: length },
    });
  for (const kind of REQUIRED_FILE_KINDS) {
    if (!fileKinds.includes(kind))
      missing.push({ step: 'documents', field: kind, key: 'admissions.missing.file' });
  }
  if (answers.consent !== true)
    missing.push({ step: 'review', field: 'consent', key: 'admissions.missing.consent' });
  return missing;
}

/** Pure: merges a step's parsed answers into the answers saved so far (a field sent empty is cleared). */
export function mergeStepAnswers(
  saved: ApplicationAnswers,
  step: ApplicationStep,
  stepAnswers: Record<string, unknown>,
): ApplicationAnswers {
  const merged: Record<string, unknown> = { ...saved };
  for (const field of Object.keys(stepSchemas[step].shape)) {
    if (stepAnswers[field] === undefined) delete merged[field];
    else merged[field] = stepAnswers[field];
  }
  return merged as ApplicationAnswers;
}

/**
 * Pure: the answers read back from storage (unknown or broken fields are dropped, never trusted). Checking
 * every field against its schema costs about as much as the rest of reading a form step, so the answers of
 * the last texts read are kept by text (frozen: callers copy before changing them, as `mergeStepAnswers`
 * does); the same text always gives the same answers.
 */
export function readAnswers(json: string): ApplicationAnswers {
  const kept = KEPT_ANSWERS.get(json);
  if (kept) {
    // Most recently used last: the first key is the one to drop.
    KEPT_ANSWERS.delete(json);
    KEPT_ANSWERS.set(json, kept);
    return kept;
  }
  const answers = freezeAnswers(checkAnswers(json));
  if (KEPT_ANSWERS.size >= KEPT_ANSWERS_MAX) KEPT_ANSWERS.delete(KEPT_ANSWERS.keys().next().value as string);
  KEPT_ANSWERS.set(json, answers);
  return answers;
}

/** Answer texts kept by `readAnswers` (1.75 KB each on average: a few MB at most). */
const KEPT_ANSWERS_MAX = 1000;
const KEPT_ANSWERS = new Map<string, ApplicationAnswers>();

function checkAnswers(json: string): ApplicationAnswers {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  if (!raw || typeof raw !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(answersSchema.shape)) {
    const parsed = (schema as z.ZodType).safeParse((raw as Record<string, unknown>)[field]);
    if (parsed.success && parsed.data !== undefined) out[field] = parsed.data;
  }
  return out as ApplicationAnswers;
}

function freezeAnswers(answers: ApplicationAnswers): ApplicationAnswers {
  if (answers.languages) {
    for (const skill of answers.languages) Object.freeze(skill);
    Object.freeze(answers.languages);
  }
  return Object.freeze(answers);
}

/** The step after `step` (the last one stays). */
export function nextStep(step: ApplicationStep): ApplicationStep {
  const index = APPLICATION_STEPS.indexOf(step);
  return APPLICATION_STEPS[Math.min(index + 1, APPLICATION_STEPS.length - 1)]!;
}

/** The furthest of two steps (a draft remembers the furthest step reached). */
export function furthestStep(a: ApplicationStep, b: ApplicationStep): ApplicationStep {
  return APPLICATION_STEPS.indexOf(a) >= APPLICATION_STEPS.indexOf(b) ? a : b;
}

export function isApplicationStep(value: unknown): value is ApplicationStep {
  return typeof value === 'string' && (APPLICATION_STEPS as readonly string[]).includes(value);
}

// ——— Statuses and transitions ———

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'under-review',
  'info-requested',
  'accepted',
  'waitlisted',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The committee's decisions (`application_decisions.decision`) and the status each leads to. */
export const DECISIONS = ['accept', 'waitlist', 'reject', 'request-info'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_STATUS: Record<Decision, ApplicationStatus> = {
  accept: 'accepted',
  waitlist: 'waitlisted',
  reject: 'rejected',
  'request-info': 'info-requested',
};

/** What moves an application from one status to another. */
export type ApplicationTransition = 'submit' | 'withdraw' | 'start-review' | Decision | 'reopen';

const DECIDABLE: readonly ApplicationStatus[] = ['submitted', 'under-review', 'info-requested', 'waitlisted'];

/** Every allowed move: from which statuses a transition may happen, and where it leads. */
export const TRANSITIONS: Record<
  ApplicationTransition,
  { from: readonly ApplicationStatus[]; to: ApplicationStatus }
> = {
  // A draft is submitted; an application whose information was requested is submitted again.
  submit: { from: ['draft', 'info-requested'], to: 'submitted' },
  // The applicant withdraws before a final decision (accepted or rejected).
  withdraw: { from: ['draft', 'submitted', 'under-review', 'info-requested', 'waitlisted'], to: 'withdrawn' },
  'start-review': { from: ['submitted'], to: 'under-review' },
  accept: { from: DECIDABLE, to: 'accepted' },
  waitlist: { from: ['submitted', 'under-review', 'info-requested'], to: 'waitlisted' },
  reject: { from: DECIDABLE, to: 'rejected' },
  'request-info': { from: ['submitted', 'under-review'], to: 'info-requested' },
  // A decision is reopened: the application goes back to review.
  reopen: { from: ['accepted', 'waitlisted', 'rejected', 'info-requested'], to: 'under-review' },
};

/** Pure: the status after `transition`, or null when it is not allowed from `from`. */
export function nextStatus(
  from: ApplicationStatus,
  transition: ApplicationTransition,
): ApplicationStatus | null {
  const move = TRANSITIONS[transition];
  return move.from.includes(from) ? move.to : null;
}

/** Pure: true when `transition` is allowed from `from`. */
export function canTransition(from: ApplicationStatus, transition: ApplicationTransition): boolean {
  return nextStatus(from, transition) !== null;
}

/** The applicant may change their answers and files (a draft, or when the committee asked for more). */
export function isEditableByApplicant(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'info-requested';
}

/** A decision has been made (the status page shows the committee's message). */
export function isDecided(status: ApplicationStatus): boolean {
  return (
    status === 'accepted' || status === 'waitlisted' || status === 'rejected' || status === 'info-requested'
  );
}

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

/** Pure: may a new application be started or submitted on `today` (YYYY-MM-DD)? */
export function isAdmissionOpen(
  settings: { open: boolean; closesOn: string | null },
  today: string,
): boolean {
  return settings.open && (settings.closesOn === null || today <= settings.closesOn);
}
