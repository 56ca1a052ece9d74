import { z } from 'zod';
import {
  APPLICATION_STATUSES,
  APPLICATION_STEPS,
  DECISIONS,
  FILE_KINDS,
  JUSTIFICATION_MAX_LENGTH,
} from './application.js';

/** Inputs of the applicant's use cases, shared by the web form and the JSON API. */

/** Saving one step of a draft: the step and its answers (checked against that step's schema by the use case). */
export const saveStepInputSchema = z.object({
  step: z.enum(APPLICATION_STEPS, 'admissions.error.unknownStep'),
  answers: z.record(z.string(), z.unknown()).default({}),
  /** "Save and continue": the step must then be complete enough to move on (a draft save need not be). */
  continuing: z.boolean().optional(),
});
export type SaveStepInput = z.input<typeof saveStepInputSchema>;

/** Submitting: a justification is required when the eligibility rules are not all met. */
export const submitInputSchema = z.object({
  justification: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() || undefined : v === null ? undefined : v),
    z.string().max(JUSTIFICATION_MAX_LENGTH, 'validation.tooLong').optional(),
  ),
});
export type SubmitInput = z.infer<typeof submitInputSchema>;

export const fileKindSchema = z.enum(FILE_KINDS, 'validation.invalidChoice');

// ——— JSON API shapes ———

const languageSkill = z.object({ code: z.string(), level: z.string() });

export const answersOutputSchema = z.object({
  fullName: z.string().optional(),
  countryOfResidence: z.string().optional(),
  nationality: z.string().optional(),
  sex: z.string().optional(),
  constituency: z.string().optional(),
  organisation: z.string().optional(),
  position: z.string().optional(),
  yearsOfExperience: z.number().optional(),
  highestDegree: z.string().optional(),
  fieldOfStudy: z.string().optional(),
  languages: z.array(languageSkill).optional(),
  motivation: z.string().optional(),
  consent: z.boolean().optional(),
});

export const ruleResultOutputSchema = z.object({
  rule: z.string(),
  met: z.boolean(),
  explanationKey: z.string(),
  explanation: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const applicationOutputSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeSlug: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  step: z.enum(APPLICATION_STEPS),
  locale: z.string(),
  answers: answersOutputSchema,
  files: z.array(
    z.object({
      kind: z.enum(FILE_KINDS),
      originalName: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      uploadedAt: z.string(),
    }),
  ),
  missing: z.array(z.object({ step: z.string(), field: z.string(), key: z.string() })),
  eligibility: z.object({ eligible: z.boolean(), results: z.array(ruleResultOutputSchema) }),
  justification: z.string().nullable(),
  decision: z.enum(DECISIONS).nullable(),
  decisionMessage: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const applicationSummaryOutputSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeSlug: z.string(),
  programmeTitle: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  step: z.enum(APPLICATION_STEPS),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const createApplicationBodySchema = z.object({ programme: z.string().min(1).max(100) });
export const applicationIdParamsSchema = z.object({ id: z.string() });
export const stepParamsSchema = z.object({ id: z.string(), step: z.string() });
