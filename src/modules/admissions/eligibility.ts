/**
 * PERSISTED SHAPE: eligibility rules are stored as JSON (`admission_settings.eligibility_json`) and each
 * evaluation too (`applications.eligibility_json`); add optional fields only. The eligibility rules of a
 * programme and their evaluation against an application's answers, with an explanation per rule. Pure.
 */
import { z } from 'zod';
import type { Translator } from '../../i18n/i18n.js';
import {
  APPLICANT_LANGUAGES,
  type ApplicationAnswers,
  DEGREES,
  type Degree,
  FIELDS_OF_STUDY,
  LANGUAGE_LEVELS,
  type LanguageLevel,
  YEARS_MAX,
} from './application.js';

/** One language requirement: the applicant speaks at least one of `anyOf` at `minLevel` or better. */
export const languageRequirementSchema = z.object({
  anyOf: z
    .array(z.enum(APPLICANT_LANGUAGES, 'validation.invalidChoice'))
    .min(1, 'validation.required')
    .max(APPLICANT_LANGUAGES.length),
  minLevel: z.enum(LANGUAGE_LEVELS, 'validation.invalidChoice'),
});
export type LanguageRequirement = z.infer<typeof languageRequirementSchema>;

/** A programme's rules. Null or empty means "no such rule". */
export const eligibilityRulesSchema = z.object({
  minYearsExperience: z
    .number('validation.notNumber')
    .int('validation.notInteger')
    .min(0, 'validation.tooSmall')
    .max(YEARS_MAX, 'validation.tooBig')
    .nullable()
    .default(null),
  minDegree: z.enum(DEGREES, 'validation.invalidChoice').nullable().default(null),
  /** Accepted fields of study (empty: any field). */
  fieldsOfStudy: z
    .array(z.enum(FIELDS_OF_STUDY, 'validation.invalidChoice'))
    .max(FIELDS_OF_STUDY.length)
    .default([]),
  /** Each requirement must be met. */
  languages: z.array(languageRequirementSchema).max(5, 'validation.tooMany').default([]),
});
export type EligibilityRules = z.infer<typeof eligibilityRulesSchema>;

/** The default rules of a new programme's admissions (the diploma's: 3 years, a bachelor's, en/fr/es). */
export const DEFAULT_ELIGIBILITY_RULES: EligibilityRules = {
  minYearsExperience: 3,
  minDegree: 'bachelor',
  fieldsOfStudy: [],
  languages: [{ anyOf: ['en', 'fr', 'es'], minLevel: 'advanced' }],
};

export type EligibilityRuleId = 'minYearsExperience' | 'minDegree' | 'fieldsOfStudy' | 'language';

/** The outcome of one rule; `explanationKey` and `values` make its sentence in the reader's language. */
export interface RuleResult {
  rule: EligibilityRuleId;
  met: boolean;
  /** Message id in the admissions area, e.g. `admissions.eligibility.minYearsExperience.notMet`. */
  explanationKey: string;
  /** Codes and numbers only (degree, field, language and level codes are translated when shown). */
  values: Record<string, string | number>;
}

export interface EligibilityResult {
  eligible: boolean;
  results: RuleResult[];
}

const rank = <T extends string>(order: readonly T[], value: T) => order.indexOf(value);

function result(
  rule: EligibilityRuleId,
  outcome: 'met' | 'notMet' | 'missing',
  values: RuleResult['values'],
): RuleResult {
  return {
    rule,
    met: outcome === 'met',
    explanationKey: `admissions.eligibility.${rule}.${outcome}`,
    values,
  };
}

function yearsRule(min: number, answers: ApplicationAnswers): RuleResult {
  const years = answers.yearsOfExperience;
  if (years === undefined) return result('minYearsExperience', 'missing', { min });
  return result('minYearsExperience', years >= min ? 'met' : 'notMet', { min, years });
}

function degreeRule(min: Degree, answers: ApplicationAnswers): RuleResult {
  const degree = answers.highestDegree;
  if (degree === undefined) return result('minDegree', 'missing', { min });
  return result('minDegree', rank(DEGREES, degree) >= rank(DEGREES, min) ? 'met' : 'notMet', { min, degree });
}

function fieldRule(fields: readonly string[], answers: ApplicationAnswers): RuleResult {
  const list = fields.join(',');
  const field = answers.fieldOfStudy;
  if (field === undefined) return result('fieldsOfStudy', 'missing', { fields: list });
  return result('fieldsOfStudy', fields.includes(field) ? 'met' : 'notMet', { fields: list, field });
}

function languageRule(requirement: LanguageRequirement, answers: ApplicationAnswers): RuleResult {
  const values = { languages: requirement.anyOf.join(','), level: requirement.minLevel };
  const spoken = answers.languages ?? [];
  if (spoken.length === 0) return result('language', 'missing', values);
  const met = spoken.some(
    (skill) =>
      requirement.anyOf.includes(skill.code) &&
      rank(LANGUAGE_LEVELS, skill.level) >= rank(LANGUAGE_LEVELS, requirement.minLevel),
  );
  return result('language', met ? 'met' : 'notMet', values);
}

/** Pure: evaluates every rule of the programme; eligible when all are met (no rule: eligible). */
export function evaluateEligibility(rules: EligibilityRules, answers: ApplicationAnswers): EligibilityResult {
  const results: RuleResult[] = [];
  if (rules.minYearsExperience !== null) results.push(yearsRule(rules.minYearsExperience, answers));
  if (rules.minDegree !== null) results.push(degreeRule(rules.minDegree, answers));
  if (rules.fieldsOfStudy.length > 0) results.push(fieldRule(rules.fieldsOfStudy, answers));
  for (const requirement of rules.languages) results.push(languageRule(requirement, answers));
  return { eligible: results.every((r) => r.met), results };
}

/** Reads rules stored as JSON (broken or unknown content falls back to the defaults). */
export function readEligibilityRules(json: string | null): EligibilityRules {
  if (!json) return DEFAULT_ELIGIBILITY_RULES;
  try {
    const parsed = eligibilityRulesSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : DEFAULT_ELIGIBILITY_RULES;
  } catch {
    return DEFAULT_ELIGIBILITY_RULES;
  }
}

/** Reads a stored evaluation (null when there is none or it cannot be read). */
export function readEligibilityResult(json: string | null): EligibilityResult | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as EligibilityResult;
    return Array.isArray(value.results) ? value : null;
  } catch {
    return null;
  }
}

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The sentence explaining one rule's outcome in the reader's language (codes become labels). */
export function explainRule(t: Translator, result: RuleResult): string {
  const values: Record<string, string | number> = { ...result.values };
  const label = (prefix: string, code: string | number | undefined) =>
    code === undefined ? '' : t.t(`${prefix}.${code}`);
  if (result.rule === 'minDegree') {
    values.min = label('admissions.degree', result.values.min);
    if (result.values.degree !== undefined) values.degree = label('admissions.degree', result.values.degree);
  }
  if (result.rule === 'fieldsOfStudy') {
    values.fields = t.intl.formatList(
      String(result.values.fields)
        .split(',')
        .map((code) => label('admissions.field', code)),
      { type: 'disjunction' },
    );
    if (result.values.field !== undefined) values.field = label('admissions.field', result.values.field);
  }
  if (result.rule === 'language') {
    values.languages = t.intl.formatList(
      String(result.values.languages)
        .split(',')
        .map((code) => languageName(code, t.locale)),
      { type: 'disjunction' },
    );
    values.level = label('admissions.level', result.values.level as LanguageLevel);
  }
  return t.t(result.explanationKey, values);
}
