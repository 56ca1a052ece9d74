/**
 * PERSISTED SHAPE: criteria are stored as JSON (`admission_settings.criteria_json`); add optional fields
 * only. The admission settings of a programme: open or closed, the closing day, the eligibility rules and
 * the review criteria. Defaults apply until a manager saves settings.
 */

import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { localizedTextSchema } from '../../i18n/localized.schemas.js';
import { type Actor, actorId } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { ensure } from '../../kernel/policy.js';
import { isoDateSchema } from '../../kernel/schemas.js';
import { parseInput } from '../../kernel/validation.js';
import { canAdmissions } from './admissions.policy.js';
import { findAdmissionSettingsRow, upsertAdmissionSettingsRow } from './applications.repository.js';
import {
  DEFAULT_ELIGIBILITY_RULES,
  type EligibilityRules,
  eligibilityRulesSchema,
  readEligibilityRules,
} from './eligibility.js';

export const CRITERION_LABEL_MAX = 200;
export const CRITERIA_MAX = 12;
export const CRITERION_MAX_SCORE = 100;

/** One review criterion: a stable id (scores refer to it), a label per language, the highest score. */
export const criterionSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'validation.invalidFormat'),
  label: localizedTextSchema(CRITERION_LABEL_MAX, { required: true }),
  maxScore: z.coerce
    .number('validation.notNumber')
    .int('validation.notInteger')
    .min(1, 'validation.tooSmall')
    .max(CRITERION_MAX_SCORE, 'validation.tooBig'),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const criteriaSchema = z
  .array(criterionSchema)
  .min(1, 'validation.required')
  .max(CRITERIA_MAX, 'validation.tooMany')
  .refine(
    (list) => new Set(list.map((c) => c.id)).size === list.length,
    'admissions.error.duplicateCriterion',
  );

/** The default review criteria (labels in the three interface languages). */
export const DEFAULT_CRITERIA: Criterion[] = [
  {
    id: 'experience',
    label: {
      en: 'Relevance of professional experience',
      fr: 'Pertinence de l’expérience professionnelle',
      es: 'Pertinencia de la experiencia profesional',
    },
    maxScore: 5,
  },
  {
    id: 'motivation',
    label: { en: 'Motivation and goals', fr: 'Motivation et objectifs', es: 'Motivación y objetivos' },
    maxScore: 5,
  },
  {
    id: 'impact',
    label: {
      en: 'Expected impact on their organisation',
      fr: 'Impact attendu sur son organisation',
      es: 'Impacto esperado en su organización',
    },
    maxScore: 5,
  },
];

export interface AdmissionSettings {
  programmeId: string;
  open: boolean;
  /** Last day applications may be submitted (YYYY-MM-DD), or null. */
  closesOn: string | null;
  eligibility: EligibilityRules;
  criteria: Criterion[];
  /** False while the programme still uses the defaults (nothing saved yet). */
  isSaved: boolean;
  updatedAt: string | null;
}

/** What a manager saves (the JSON API and the settings form send this shape). */
export const admissionSettingsInputSchema = z.object({
  open: z.boolean(),
  closesOn: z.union([z.null(), isoDateSchema]).default(null),
  eligibility: eligibilityRulesSchema,
  criteria: criteriaSchema,
});
export type AdmissionSettingsInput = z.input<typeof admissionSettingsInputSchema>;

function readCriteria(json: string): Criterion[] {
  try {
    const parsed = criteriaSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : DEFAULT_CRITERIA;
  } catch {
    return DEFAULT_CRITERIA;
  }
}

/** The admission settings of a programme (the defaults when none were saved: open, no deadline). */
export async function loadAdmissionSettings(db: Executor, programmeId: string): Promise<AdmissionSettings> {
  const row = await findAdmissionSettingsRow(db, programmeId);
  if (!row)
    return {
      programmeId,
      open: true,
      closesOn: null,
      eligibility: DEFAULT_ELIGIBILITY_RULES,
      criteria: DEFAULT_CRITERIA,
      isSaved: false,
      updatedAt: null,
    };
  return {
    programmeId,
    open: row.open === 1,
    closesOn: row.closes_on,
    eligibility: readEligibilityRules(row.eligibility_json),
    criteria: readCriteria(row.criteria_json),
    isSaved: true,
    updatedAt: row.updated_at,
  };
}

/** Saves a programme's admission settings (managers; audited with before and after). */
export async function saveAdmissionSettings(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeId: string,
  input: unknown,
): Promise<AdmissionSettings> {
  ensure(actor, canAdmissions(actor, 'admissions.settings'));
  const data = parseInput(admissionSettingsInputSchema, input);
  return inTransaction(db, async (trx) => {
    const before = await loadAdmissionSettings(trx, programmeId);
    const now = deps.clock.now().toISOString();
    await upsertAdmissionSettingsRow(trx, {
      programme_id: programmeId,
      open: data.open ? 1 : 0,
      closes_on: data.closesOn,
      eligibility_json: JSON.stringify(data.eligibility),
      criteria_json: JSON.stringify(data.criteria),
      updated_by: actorId(actor),
      updated_at: now,
    });
    const after = await loadAdmissionSettings(trx, programmeId);
    await audit(trx, deps.clock, actor, {
      action: 'admissions.settings-saved',
      targetType: 'programme',
      targetId: programmeId,
      before: before.isSaved ? settingsAudit(before) : null,
      after: settingsAudit(after),
    });
    return after;
  });
}

function settingsAudit(settings: AdmissionSettings) {
  return {
    open: settings.open,
    closesOn: settings.closesOn,
    eligibility: settings.eligibility,
    criteria: settings.criteria,
  };
}
