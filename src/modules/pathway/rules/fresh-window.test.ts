import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from './dates.js';
import { evaluatePathway } from './evaluate.js';
import { buildRecord, DIPLOMA_RULES, passed } from './pathway-fixtures.js';
import { caseArb, DISJOINT_RULES } from './pathway-generators.js';
import { countsAs } from './rules.js';

const TODAY = '2026-12-06';
const ACADEMY_2018 = passed('LMA', '2018-03-05', '2018-04-13');
const ACADEMY_2027 = { course: 'LMA', start: '2027-03-01', end: '2027-04-09' };

describe('a window that can still be completed: never expired', () => {
  it('a candidate registered this month with only a 2018 Academy is active; the old Academy no longer counts', () => {
    const record = buildRecord({ registeredOn: '2026-12-01', achievements: [ACADEMY_2018] });
    const evaluation = evaluatePathway(DIPLOMA_RULES, record, TODAY);
    expect(evaluation).toMatchObject({ status: 'active', window: { start: null, deadline: null } });
    expect(evaluation.uncounted).toEqual([
      { course: 'LMA', countsAs: 'LMA', completed: '2018-04-13', reason: 'no-longer-counts' },
    ]);
    expect(evaluation.reasons).toContainEqual({
      code: 'achievementNoLongerCounts',
      params: { course: 'LMA', completed: '2018-04-13' },
    });
    expect(evaluation.explanation).toContain('no longer counts');
  });

  it('a place held in a course of the programme starts a new window, even for an old registration', () => {
    const old = buildRecord({ registeredOn: '2017-01-10', achievements: [ACADEMY_2018] });
    expect(evaluatePathway(DIPLOMA_RULES, old, TODAY).status).toBe('expired');
    const withPlace = buildRecord({ ...old, enrolments: [ACADEMY_2027] });
    const evaluation = evaluatePathway(DIPLOMA_RULES, withPlace, TODAY, { lang: 'fr' });
    expect(evaluation.status).toBe('active');
    expect(evaluation.requirements[0]).toMatchObject({
      id: 'academy',
      status: 'in-progress',
      enrolled: ['LMA'],
    });
    expect(evaluation.explanation).toContain('ne compte plus');
  });

  it('a place that ended, or in a course that does not count, starts nothing', () => {
    const base = { registeredOn: '2017-01-10', achievements: [ACADEMY_2018] };
    const ended = buildRecord({
      ...base,
      enrolments: [{ course: 'LMA', start: '2026-01-05', end: '2026-02-13' }],
    });
    expect(evaluatePathway(DIPLOMA_RULES, ended, TODAY).status).toBe('expired');
    const elsewhere = buildRecord({ ...base, enrolments: [{ ...ACADEMY_2027, course: 'XYZ' }] });
    expect(evaluatePathway(DIPLOMA_RULES, elsewhere, TODAY).status).toBe('expired');
  });

  it('keeps an old window that is already complete', () => {
    const done = buildRecord({
      registeredOn: '2026-12-01',
      achievements: [
        passed('LMA', '2014-01-06'),
        passed('FRP', '2014-03-03'),
        passed('MALM', '2014-05-05'),
        passed('SPMW', '2014-09-01'),
      ],
      capstone: { status: 'passed', completed: '2015-06-01' },
    });
    expect(evaluatePathway(DIPLOMA_RULES, done, TODAY)).toMatchObject({
      status: 'completed',
      awardable: true,
    });
  });
});

describe('fresh window properties', () => {
  it('is never expired while registered within the window or holding a place not yet ended', () => {
    const withPlace = caseArb(DISJOINT_RULES, 6).chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.constantFrom(
          ...input.rules.requirements.flatMap((item) => (item.kind === 'capstone' ? [] : item.courses)),
        ),
        fc.integer({ min: 0, max: 700 }),
      ),
    );
    fc.assert(
      fc.property(withPlace, ([input, course, daysAhead]) => {
        const start = new Date(Date.parse(input.today) + daysAhead * 86_400_000).toISOString().slice(0, 10);
        const enrolments = [...input.record.enrolments, { course, start, end: addMonths(start, 1) }];
        const evaluation = evaluatePathway(input.rules, { ...input.record, enrolments }, input.today);
        expect(evaluation.status).not.toBe('expired');
        const registered = { ...input.record, registeredOn: input.today };
        expect(evaluatePathway(input.rules, registered, input.today).status).not.toBe('expired');
      }),
      { numRuns: 300 },
    );
  });

  it('an expired candidate has no place held and registered longer ago than the window', () => {
    fc.assert(
      fc.property(caseArb(DISJOINT_RULES, 6), (input) => {
        const evaluation = evaluatePathway(input.rules, input.record, input.today);
        fc.pre(evaluation.status === 'expired');
        const months = input.rules.window.years * 12 + evaluation.extensionsMonths;
        expect(addMonths(input.record.registeredOn, months) < input.today).toBe(true);
        const listed = input.rules.requirements.flatMap((item) =>
          item.kind === 'capstone' ? [] : item.courses,
        );
        const held = input.record.enrolments.filter((enrolment) =>
          listed.includes(countsAs(input.rules, enrolment.course)),
        );
        for (const enrolment of held)
          expect(enrolment.end < input.today || addMonths(enrolment.start, months) < input.today).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
