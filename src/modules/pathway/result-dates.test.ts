import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capstoneDateProblems, earliestCapstoneDate, resultDateProblems } from './result-dates.js';

const TODAY = '2026-12-06';
const keys = (problems: { key: string }[]) => problems.map((problem) => problem.key);

describe('resultDateProblems: the one check of a recorded result', () => {
  it('accepts a completion from the edition start to today', () => {
    expect(resultDateProblems({ completedOn: TODAY, editionStartsOn: '2026-11-02' }, TODAY)).toEqual([]);
    expect(resultDateProblems({ completedOn: '2026-11-02', editionStartsOn: '2026-11-02' }, TODAY)).toEqual(
      [],
    );
    expect(resultDateProblems({ completedOn: '2018-04-13' }, TODAY)).toEqual([]);
  });

  it('refuses a completion in the future, before the edition starts, or before the result started', () => {
    expect(
      keys(resultDateProblems({ completedOn: '2027-06-11', editionStartsOn: '2027-05-03' }, TODAY)),
    ).toEqual(['validation.completedInFuture']);
    expect(
      keys(resultDateProblems({ completedOn: '2026-01-30', editionStartsOn: '2026-02-02' }, TODAY)),
    ).toEqual(['validation.completedBeforeStart']);
    expect(keys(resultDateProblems({ completedOn: '2020-01-30', startedOn: '2020-02-02' }, TODAY))).toEqual([
      'validation.endBeforeStart',
    ]);
  });

  it('refuses exactly the completions after today', () => {
    const day = fc
      .integer({ min: 0, max: 4000 })
      .map((n) => new Date(Date.UTC(2016, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (completedOn, today) => {
        const isFuture = keys(resultDateProblems({ completedOn }, today)).includes(
          'validation.completedInFuture',
        );
        expect(isFuture).toBe(completedOn > today);
      }),
    );
  });
});

describe('capstoneDateProblems', () => {
  const earliest = earliestCapstoneDate('2025-01-06', 5);

  it('starts the earliest window the registration falls in', () => {
    expect(earliest).toBe('2020-01-06');
  });

  it('accepts a date from the earliest window start to today, and refuses 2030 and 1999', () => {
    expect(capstoneDateProblems('2026-06-30', earliest, TODAY)).toEqual([]);
    expect(capstoneDateProblems(earliest, earliest, TODAY)).toEqual([]);
    expect(keys(capstoneDateProblems('2030-01-15', earliest, TODAY))).toEqual(['validation.passedInFuture']);
    expect(capstoneDateProblems('1999-06-01', earliest, TODAY)).toEqual([
      { field: 'completedOn', key: 'validation.passedTooEarly', values: { date: '2020-01-06' } },
    ]);
  });
});
