import { describe, expect, it } from 'vitest';
import { setStrictMessages, translator } from '../../i18n/i18n.js';
import type { ApplicationAnswers } from './application.js';
import {
  DEFAULT_ELIGIBILITY_RULES,
  type EligibilityRules,
  eligibilityRulesSchema,
  evaluateEligibility,
  explainRule,
  readEligibilityRules,
} from './eligibility.js';

const none: EligibilityRules = {
  minYearsExperience: null,
  minDegree: null,
  fieldsOfStudy: [],
  languages: [],
};
const answers: ApplicationAnswers = {
  yearsOfExperience: 3,
  highestDegree: 'bachelor',
  fieldOfStudy: 'law',
  languages: [
    { code: 'es', level: 'native' },
    { code: 'en', level: 'intermediate' },
  ],
};

describe('eligibility rules', () => {
  it('no rule: eligible, nothing to explain', () => {
    expect(evaluateEligibility(none, {})).toEqual({ eligible: true, results: [] });
  });

  it('minimum years of experience: met at the limit, not met below, missing when not given', () => {
    const rules = { ...none, minYearsExperience: 3 };
    expect(evaluateEligibility(rules, answers).results).toEqual([
      {
        rule: 'minYearsExperience',
        met: true,
        explanationKey: 'admissions.eligibility.minYearsExperience.met',
        values: { min: 3, years: 3 },
      },
    ]);
    expect(evaluateEligibility(rules, { yearsOfExperience: 2 }).eligible).toBe(false);
    const missing = evaluateEligibility(rules, {}).results[0];
    expect(missing).toMatchObject({
      met: false,
      explanationKey: 'admissions.eligibility.minYearsExperience.missing',
    });
  });

  it('minimum degree: the same or a higher degree', () => {
    const rules = { ...none, minDegree: 'bachelor' as const };
    expect(evaluateEligibility(rules, { highestDegree: 'bachelor' }).eligible).toBe(true);
    expect(evaluateEligibility(rules, { highestDegree: 'doctorate' }).eligible).toBe(true);
    expect(evaluateEligibility(rules, { highestDegree: 'post-secondary' }).eligible).toBe(false);
    expect(evaluateEligibility(rules, {}).results[0]?.explanationKey).toBe(
      'admissions.eligibility.minDegree.missing',
    );
  });

  it('fields of study: one of the list', () => {
    const rules = { ...none, fieldsOfStudy: ['law' as const, 'economics' as const] };
    expect(evaluateEligibility(rules, { fieldOfStudy: 'law' }).eligible).toBe(true);
    expect(evaluateEligibility(rules, { fieldOfStudy: 'engineering' }).eligible).toBe(false);
  });

  it('languages: each requirement needs one of its languages at the level or better', () => {
    const rules: EligibilityRules = {
      ...none,
      languages: [
        { anyOf: ['en', 'fr', 'es'], minLevel: 'advanced' },
        { anyOf: ['en'], minLevel: 'advanced' },
      ],
    };
    const results = evaluateEligibility(rules, answers).results;
    expect(results.map((r) => r.met)).toEqual([true, false]);
    expect(evaluateEligibility(rules, {}).results.every((r) => r.explanationKey.endsWith('.missing'))).toBe(
      true,
    );
  });

  it('the defaults ask 3 years, a bachelor and English, French or Spanish at an advanced level', () => {
    const result = evaluateEligibility(DEFAULT_ELIGIBILITY_RULES, answers);
    expect(result.eligible).toBe(true);
    expect(result.results.map((r) => r.rule)).toEqual(['minYearsExperience', 'minDegree', 'language']);
  });

  it('rules are validated and stored rules are read defensively', () => {
    expect(eligibilityRulesSchema.safeParse({ minYearsExperience: -1 }).success).toBe(false);
    expect(eligibilityRulesSchema.safeParse({ minDegree: 'phd' }).success).toBe(false);
    expect(eligibilityRulesSchema.parse({})).toEqual(none);
    expect(readEligibilityRules('{broken')).toEqual(DEFAULT_ELIGIBILITY_RULES);
    expect(readEligibilityRules(null)).toEqual(DEFAULT_ELIGIBILITY_RULES);
  });
});

describe('explanations in the reader’s language', () => {
  setStrictMessages(true);
  const rules: EligibilityRules = {
    minYearsExperience: 5,
    minDegree: 'master',
    fieldsOfStudy: ['law', 'economics'],
    languages: [{ anyOf: ['en', 'fr'], minLevel: 'advanced' }],
  };
  const results = evaluateEligibility(rules, {
    yearsOfExperience: 2,
    highestDegree: 'bachelor',
    fieldOfStudy: 'health',
    languages: [{ code: 'es', level: 'native' }],
  }).results;

  it('says which rule is not met, with the values, in English, French and Spanish', () => {
    const en = results.map((r) => explainRule(translator('en'), r));
    expect(en[0]).toBe('At least 5 years of experience in labour migration are required: you have 2.');
    expect(en[1]).toContain('Master’s degree');
    expect(en[1]).toContain('Bachelor’s degree');
    expect(en[2]).toContain('Law or Economics');
    expect(en[3]).toContain('English or French');
    const fr = results.map((r) => explainRule(translator('fr'), r));
    expect(fr[0]).toBe(
      'Au moins 5 ans d’expérience dans les migrations de main-d’œuvre sont requis\u202f: vous en avez 2.',
    );
    expect(fr[3]).toContain('anglais ou français');
    const es = results.map((r) => explainRule(translator('es'), r));
    expect(es[0]).toBe('Se requieren al menos 5 años de experiencia en migración laboral: usted tiene 2.');
    expect(es[2]).toContain('Derecho o Economía');
  });

  it('explains a missing answer too', () => {
    for (const result of evaluateEligibility(rules, {}).results) {
      for (const locale of ['en', 'fr', 'es'] as const)
        expect(explainRule(translator(locale), result)).not.toContain('{');
    }
  });
});
