import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, addYears, compareDates, daysInMonth, isIsoDate } from './dates.js';

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-04-31')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-00-10')).toBe(false);
    expect(isIsoDate('2023-1-10')).toBe(false);
    expect(isIsoDate('2023-01-10T00:00:00Z')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2020-08-31', 6)).toBe('2021-02-28');
    expect(addMonths('2019-08-31', 6)).toBe('2020-02-29');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2020-03-31', -1)).toBe('2020-02-29');
  });

  it('crosses years both ways', () => {
    expect(addMonths('2020-11-15', 3)).toBe('2021-02-15');
    expect(addMonths('2020-02-15', -3)).toBe('2019-11-15');
    expect(addMonths('2020-06-01', 66)).toBe('2025-12-01');
  });

  it('adds years with 29 February clamped to 28 February', () => {
    expect(addYears('2020-02-29', 5)).toBe('2025-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
  });

  it('always gives a valid date that is not earlier for positive months', () => {
    const date = fc
      .record({
        year: fc.integer({ min: 1900, max: 2100 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
      })
      .filter(({ year, month, day }) => day <= daysInMonth(year, month))
      .map(
        ({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 240 }), (start, months) => {
        const end = addMonths(start, months);
        expect(isIsoDate(end)).toBe(true);
        expect(compareDates(end, start)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
