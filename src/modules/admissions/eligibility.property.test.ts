import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPLICANT_LANGUAGES,
  type ApplicationAnswers,
  DEGREES,
  FIELDS_OF_STUDY,
  LANGUAGE_LEVELS,
} from './application.js';
import { type EligibilityRules, evaluateEligibility } from './eligibility.js';

const rulesArbitrary: fc.Arbitrary<EligibilityRules> = fc.record({
  minYearsExperience: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  minDegree: fc.option(fc.constantFrom(...DEGREES), { nil: null }),
  fieldsOfStudy: fc.uniqueArray(fc.constantFrom(...FIELDS_OF_STUDY), { maxLength: 4 }),
  languages: fc.array(
    fc.record({
      anyOf: fc.uniqueArray(fc.constantFrom(...APPLICANT_LANGUAGES.slice(0, 6)), {
        minLength: 1,
        maxLength: 3,
      }),
      minLevel: fc.constantFrom(...LANGUAGE_LEVELS),
    }),
    { maxLength: 3 },
  ),
});

const answersArbitrary: fc.Arbitrary<ApplicationAnswers> = fc.record(
  {
    yearsOfExperience: fc.integer({ min: 0, max: 30 }),
    highestDegree: fc.constantFrom(...DEGREES),
    fieldOfStudy: fc.constantFrom(...FIELDS_OF_STUDY),
    languages: fc.uniqueArray(
      fc.record({
        code: fc.constantFrom(...APPLICANT_LANGUAGES.slice(0, 6)),
        level: fc.constantFrom(...LANGUAGE_LEVELS),
      }),
      { selector: (l) => l.code, maxLength: 4 },
    ),
  },
  { requiredKeys: [] },
);

const ruleCount = (r: EligibilityRules) =>
  (r.minYearsExperience === null ? 0 : 1) +
  (r.minDegree === null ? 0 : 1) +
  (r.fieldsOfStudy.length ? 1 : 0) +
  r.languages.length;

describe('eligibility rules combined (properties)', () => {
  it('one result per rule; eligible exactly when every rule is met', () => {
    fc.assert(
      fc.property(rulesArbitrary, answersArbitrary, (rules, answers) => {
        const result = evaluateEligibility(rules, answers);
        expect(result.results).toHaveLength(ruleCount(rules));
        expect(result.eligible).toBe(result.results.every((r) => r.met));
        for (const r of result.results)
          expect(r.explanationKey).toMatch(/^admissions\.eligibility\.\w+\.(met|notMet|missing)$/);
      }),
    );
  });

  it('adding a rule never makes an ineligible applicant eligible', () => {
    fc.assert(
      fc.property(rulesArbitrary, rulesArbitrary, answersArbitrary, (a, b, answers) => {
        const combined: EligibilityRules = {
          minYearsExperience: a.minYearsExperience ?? b.minYearsExperience,
          minDegree: a.minDegree ?? b.minDegree,
          fieldsOfStudy: a.fieldsOfStudy.length ? a.fieldsOfStudy : b.fieldsOfStudy,
          languages: [...a.languages, ...b.languages],
        };
        if (!evaluateEligibility(a, answers).eligible)
          expect(evaluateEligibility(combined, answers).eligible).toBe(false);
      }),
    );
  });

  it('more experience, a higher degree or a better language level never loses eligibility', () => {
    fc.assert(
      fc.property(rulesArbitrary, answersArbitrary, (rules, answers) => {
        if (!evaluateEligibility(rules, answers).eligible) return;
        const better: ApplicationAnswers = {
          ...answers,
          ...(answers.yearsOfExperience !== undefined
            ? { yearsOfExperience: answers.yearsOfExperience + 1 }
            : {}),
          ...(answers.highestDegree
            ? {
                highestDegree:
                  DEGREES[Math.min(DEGREES.indexOf(answers.highestDegree) + 1, DEGREES.length - 1)],
              }
            : {}),
          ...(answers.languages
            ? { languages: answers.languages.map((l) => ({ ...l, level: 'native' as const })) }
            : {}),
        };
        expect(evaluateEligibility(rules, better).eligible).toBe(true);
      }),
    );
  });

  it('an applicant who answers nothing meets no rule', () => {
    fc.assert(
      fc.property(rulesArbitrary, (rules) => {
        const result = evaluateEligibility(rules, {});
        expect(result.results.every((r) => !r.met)).toBe(true);
        expect(result.eligible).toBe(ruleCount(rules) === 0);
      }),
    );
  });
});
