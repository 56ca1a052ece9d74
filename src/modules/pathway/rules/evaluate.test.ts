import { describe, expect, it } from 'vitest';
import {
  ACADEMY_2020,
  coursesOf,
  evaluateRecord,
  participated,
  passed,
  THREE_ELECTIVES,
} from './pathway-fixtures.js';
import { pathwayRulesSchema } from './rules.js';

describe('evaluatePathway: a complete candidate', () => {
  const evaluation = evaluateRecord(
    {
      achievements: [ACADEMY_2020, ...THREE_ELECTIVES],
      capstone: { status: 'passed', completed: '2023-05-01' },
    },
    '2023-06-01',
  );

  it('is completed and awardable, with the window from the first counted start', () => {
    expect(evaluation).toMatchObject({
      status: 'completed',
      awardable: true,
      capstoneUnlocked: true,
      window: { start: '2020-06-01', deadline: '2025-06-01', years: 5 },
      extensionsMonths: 0,
      hours: { counted: 300, total: 300 },
      atRisk: [],
      reasons: [{ code: 'awardable', params: {} }],
    });
    expect(evaluation.requirements.map((item) => [item.id, item.status, item.counted])).toEqual([
      ['academy', 'met', ['LMA']],
      ['electives', 'met', ['FRP', 'MALM', 'SPMW']],
      ['capstone', 'met', []],
    ]);
  });

  it('says so in words', () => {
    expect(evaluation.explanation).toBe(
      'All requirements are met within the time window: the diploma can be awarded.',
    );
  });
});

describe('evaluatePathway: equivalences and duplicates', () => {
  it('counts the e-Academy as the Academy and reports both codes', () => {
    const evaluation = evaluateRecord(
      { achievements: [passed('ELMA', '2020-11-09', '2020-12-18')] },
      '2021-01-10',
    );
    const academy = coursesOf(evaluation, 'academy');
    expect(academy.status).toBe('met');
    expect(academy.counted).toEqual(['ELMA']);
    expect(academy.components).toEqual([
      { course: 'ELMA', countsAs: 'LMA', start: '2020-11-09', completed: '2020-12-18', hours: 80 },
    ]);
  });

  it('counts only one of the Academy and the e-Academy, the recent one, which leaves more time', () => {
    const evaluation = evaluateRecord(
      {
        achievements: [passed('LMA', '2018-06-18', '2018-06-22'), passed('ELMA', '2021-11-09', '2021-12-18')],
      },
      '2022-01-10',
    );
    expect(coursesOf(evaluation, 'academy')).toMatchObject({ have: 1, counted: ['ELMA'] });
    expect(evaluation.window).toMatchObject({ start: '2021-11-09', deadline: '2026-11-09' });
    expect(evaluation.uncounted).toEqual([
      { course: 'LMA', countsAs: 'LMA', completed: '2018-06-22', reason: 'duplicate' },
    ]);
  });

  it('counts the more recent of two Academy editions in the window (it stays countable longest)', () => {
    const evaluation = evaluateRecord(
      {
        achievements: [
          passed('FRP', '2020-03-01'),
          passed('LMA', '2020-06-01'),
          passed('ELMA', '2022-01-10'),
        ],
      },
      '2022-06-01',
    );
    expect(evaluation.window.start).toBe('2020-03-01');
    expect(coursesOf(evaluation, 'academy').counted).toEqual(['ELMA']);
    expect(evaluation.uncounted).toEqual([
      { course: 'LMA', countsAs: 'LMA', completed: '2020-07-01', reason: 'duplicate' },
    ]);
  });

  it('counts the same elective twice only once', () => {
    const evaluation = evaluateRecord(
      {
        achievements: [
          ACADEMY_2020,
          passed('FRP', '2020-09-07'),
          passed('FRP', '2022-09-12'),
          passed('MALM', '2021-01-10'),
        ],
      },
      '2023-01-10',
    );
    expect(coursesOf(evaluation, 'electives')).toMatchObject({ status: 'missing', have: 2, needed: 3 });
    expect(evaluation.uncounted.map((item) => [item.course, item.reason])).toEqual([['FRP', 'duplicate']]);
  });

  it('never counts one course for two requirements', () => {
    const rules = pathwayRulesSchema.parse({
      window: { years: 5 },
      requirements: [
        { id: 'core', kind: 'course', courses: ['LMA'] },
        { id: 'options', kind: 'choose', count: 1, courses: ['LMA', 'FRP'] },
      ],
    });
    const evaluation = evaluateRecord({ achievements: [passed('LMA', '2022-01-10')] }, '2022-06-01', rules);
    expect(evaluation.requirements.map((item) => [item.id, item.status, item.counted])).toEqual([
      ['core', 'met', ['LMA']],
      ['options', 'missing', []],
    ]);
    const both = evaluateRecord(
      { achievements: [passed('LMA', '2022-01-10'), passed('FRP', '2022-03-10')] },
      '2022-06-01',
      rules,
    );
    expect(both.status).toBe('completed');
  });
});

describe('evaluatePathway: choosing the window', () => {
  it('drops an elective too old to fit, and computes the deadline from the remaining ones', () => {
    const evaluation = evaluateRecord(
      {
        achievements: [
          passed('LMA', '2021-06-01', '2021-06-15'),
          passed('FRP', '2017-09-01', '2017-10-01'),
          passed('MALM', '2020-10-26', '2020-12-04'),
          passed('SPMW', '2021-10-20', '2021-11-28'),
          passed('PRM', '2022-02-16', '2022-03-27'),
        ],
      },
      '2023-01-10',
    );
    expect(evaluation.window).toEqual({ start: '2020-10-26', deadline: '2025-10-26', years: 5 });
    expect(coursesOf(evaluation, 'electives')).toMatchObject({
      status: 'met',
      counted: ['MALM', 'SPMW', 'PRM'],
    });
    expect(evaluation.uncounted).toEqual([
      { course: 'FRP', countsAs: 'FRP', completed: '2017-10-01', reason: 'no-longer-counts' },
    ]);
    expect(evaluation.capstoneUnlocked).toBe(true);
    expect(evaluation.status).toBe('active');
  });

  it('keeps an old window that already meets every requirement, even after its deadline', () => {
    const evaluation = evaluateRecord(
      {
        achievements: [ACADEMY_2020, ...THREE_ELECTIVES],
        capstone: { status: 'passed', completed: '2023-05-01' },
      },
      '2030-01-01',
    );
    expect(evaluation).toMatchObject({
      status: 'completed',
      window: { start: '2020-06-01', deadline: '2025-06-01' },
    });
  });

  it('counts achievements earned before registration when they fit the window', () => {
    const evaluation = evaluateRecord(
      { registeredOn: '2022-01-01', achievements: [ACADEMY_2020] },
      '2022-02-01',
    );
    expect(coursesOf(evaluation, 'academy').status).toBe('met');
    expect(evaluation.window.start).toBe('2020-06-01');
  });

  it('has no window while nothing counts', () => {
    const evaluation = evaluateRecord({ achievements: [participated('FRP', '2021-01-10')] }, '2022-02-01');
    expect(evaluation).toMatchObject({
      status: 'active',
      window: { start: null, deadline: null },
      atRisk: [],
    });
    expect(evaluation.reasons[0]).toEqual({ code: 'nothingCounted', params: {} });
  });
});

describe('evaluatePathway: requirements first, then courses counted, then time', () => {
  it('does not drop an elective that can count just to gain time', () => {
    const evaluation = evaluateRecord({ achievements: THREE_ELECTIVES.slice(0, 2) }, '2022-01-10');
    expect(evaluation.window).toMatchObject({ start: '2020-09-07', deadline: '2025-09-07' });
    expect(coursesOf(evaluation, 'electives').counted).toEqual(['FRP', 'MALM']);
    expect(evaluation.uncounted).toEqual([]);
  });

  it('keeps an old elective counted while its window is open, and flags the deadline', () => {
    const evaluation = evaluateRecord(
      {
        achievements: [
          passed('LMA', '2017-01-10'),
          passed('FRP', '2019-03-01'),
          passed('ELMA', '2023-07-10'),
        ],
      },
      '2023-09-01',
    );
    expect(evaluation.window).toMatchObject({ start: '2019-03-01', deadline: '2024-03-01' });
    expect(evaluation.requirements.map((item) => item.counted)).toEqual([['ELMA'], ['FRP'], []]);
    expect(evaluation.atRisk).toContainEqual({
      kind: 'achievement-expiring',
      course: 'FRP',
      date: '2024-03-01',
    });
    // Once that window has closed, FRP drops and the window restarts from the e-Academy.
    const later = evaluateRecord(
      {
        achievements: [
          passed('LMA', '2017-01-10'),
          passed('FRP', '2019-03-01'),
          passed('ELMA', '2023-07-10'),
        ],
      },
      '2024-03-02',
    );
    expect(later).toMatchObject({
      status: 'active',
      window: { start: '2023-07-10', deadline: '2028-07-10' },
    });
  });

  it('drops a surplus elective when that leaves more time', () => {
    const evaluation = evaluateRecord(
      {
        achievements: [
          passed('FRP', '2019-01-10'),
          passed('LMA', '2020-06-01'),
          ...THREE_ELECTIVES.slice(1),
          passed('PRM', '2021-03-01'),
        ],
      },
      '2023-01-10',
    );
    expect(evaluation.window).toMatchObject({ start: '2020-06-01', deadline: '2025-06-01' });
    expect(coursesOf(evaluation, 'electives').counted).toEqual(['PRM', 'MALM', 'SPMW']);
    expect(evaluation.uncounted.map((item) => [item.course, item.reason])).toEqual([
      ['FRP', 'outside-window'],
    ]);
  });
});
