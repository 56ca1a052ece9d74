import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA } from '../admission-settings.js';
import { averageTotal, checkScores, isScorable, maxTotal, readScorePoints } from './review.js';
import { formRowCounts, settingsFormValues, settingsFromForm } from './review-settings.js';

/** Pure rules of the staff side: scores against criteria, averages, the settings form, CSV cells. */

const criteria = [
  { id: 'a', maxScore: 5 },
  { id: 'b', maxScore: 10 },
];

describe('checkScores', () => {
  it('adds up points within each criterion', () => {
    expect(checkScores(criteria, { a: 5, b: 0 })).toEqual({ errors: [], total: 5, points: { a: 5, b: 0 } });
  });

  it('names every problem by criterion: missing, not whole, negative, over the max, unknown', () => {
    expect(checkScores(criteria, { a: 6, c: 1 }).errors.map((e) => `${e.path}:${e.key}`)).toEqual([
      'scores.a:validation.tooBig',
      'scores.b:validation.required',
      'scores.c:validation.unknownField',
    ]);
    expect(checkScores(criteria, { a: -1, b: 2.5 }).errors.map((e) => `${e.path}:${e.key}`)).toEqual([
      'scores.a:validation.tooSmall',
      'scores.b:validation.notInteger',
    ]);
  });

  it('accepts exactly the whole numbers from 0 to each max, and the total never exceeds the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 13 }), fc.integer({ min: -3, max: 13 }), (a, b) => {
        const result = checkScores(criteria, { a, b });
        const valid = a >= 0 && a <= 5 && b >= 0 && b <= 10;
        expect(result.errors.length === 0).toBe(valid);
        if (valid) expect(result.total).toBe(a + b);
        expect(result.total).toBeLessThanOrEqual(maxTotal(criteria));
      }),
    );
  });
});

describe('scores', () => {
  it('averages totals to one decimal, none when nobody scored', () => {
    expect(averageTotal([])).toBeNull();
    expect(averageTotal([12, 7])).toBe(9.5);
    expect(averageTotal([1, 1, 2])).toBe(1.3);
  });

  it('may be changed until the committee decides', () => {
    expect(['submitted', 'under-review'].every((s) => isScorable(s as never))).toBe(true);
    expect(
      ['accepted', 'waitlisted', 'rejected', 'info-requested', 'withdrawn'].some((s) =>
        isScorable(s as never),
      ),
    ).toBe(false);
  });

  it('reads stored points, dropping anything that is not a number', () => {
    expect(readScorePoints('{"a":3,"b":"x"}')).toEqual({ a: 3 });
    expect(readScorePoints('not json')).toEqual({});
  });
});

describe('the settings form', () => {
  it('turns the form’s rows into the settings input, dropping empty rows and remembering each kept row', () => {
    const { input, criteriaRows, languageRows } = settingsFromForm({
      open: 'on',
      closesOn: '',
      'eligibility.minYearsExperience': '3',
      'eligibility.minDegree': '',
      'eligibility.fieldsOfStudy': 'law',
      'eligibility.languages.0.anyOf': [],
      'eligibility.languages.1.anyOf': ['en', 'fr'],
      'eligibility.languages.1.minLevel': 'advanced',
      'criteria.0.id': '',
      'criteria.0.label.en': '',
      'criteria.0.maxScore': '',
      'criteria.1.id': 'fit',
      'criteria.1.label.en': 'Fit',
      'criteria.1.label.fr': '',
      'criteria.1.maxScore': '7',
    });
    expect(input).toEqual({
      open: true,
      closesOn: null,
      eligibility: {
        minYearsExperience: 3,
        minDegree: null,
        fieldsOfStudy: ['law'],
        languages: [{ anyOf: ['en', 'fr'], minLevel: 'advanced' }],
      },
      criteria: [{ id: 'fit', label: { en: 'Fit' }, maxScore: '7' }],
    });
    expect([criteriaRows, languageRows]).toEqual([[1], [1]]);
  });

  it('round-trips saved settings through the form and offers blank rows to add', () => {
    const settings = {
      programmeId: 'p',
      open: false,
      closesOn: '2027-01-31',
      eligibility: {
        minYearsExperience: null,
        minDegree: 'master' as const,
        fieldsOfStudy: [],
        languages: [],
      },
      criteria: DEFAULT_CRITERIA,
      isSaved: true,
      updatedAt: null,
    };
    const values = settingsFormValues(settings);
    const { input } = settingsFromForm(values);
    expect(input).toMatchObject({
      open: false,
      closesOn: '2027-01-31',
      eligibility: { minYearsExperience: null, minDegree: 'master', fieldsOfStudy: [], languages: [] },
    });
    expect(input.criteria.map((c) => [c.id, Number(c.maxScore)])).toEqual(
      DEFAULT_CRITERIA.map((c) => [c.id, c.maxScore]),
    );
    expect(formRowCounts(values)).toEqual({ criteria: 5, languages: 1 });
  });
});
