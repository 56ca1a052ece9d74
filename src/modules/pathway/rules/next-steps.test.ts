import { describe, expect, it } from 'vitest';
import { nextCourseCodes } from './next-steps.js';
import { DIPLOMA_RULES, evaluateRecord, passed } from './pathway-fixtures.js';

/** The courses whose open editions are a candidate's next steps. */

const TODAY = '2026-11-28';
const next = (overrides: Parameters<typeof evaluateRecord>[0]) =>
  nextCourseCodes(evaluateRecord(overrides, TODAY), DIPLOMA_RULES);

describe('next steps', () => {
  it('are every listed course, the E-Academy included, when nothing counts yet', () => {
    expect(next({})).toEqual(['BLA', 'ELMA', 'FRP', 'LMA', 'LMGE', 'MALM', 'PRM', 'SPMW']);
  });

  it('leave out courses already counted and requirements already met', () => {
    const achievements = [passed('LMA', '2024-06-15'), passed('FRP', '2024-09-30')];
    expect(next({ achievements })).toEqual(['BLA', 'LMGE', 'MALM', 'PRM', 'SPMW']);
  });

  it('leave out a course under way, and an Academy under way through the E-Academy', () => {
    const enrolments = [
      { course: 'ELMA', start: '2027-03-01', end: '2027-04-09' },
      { course: 'MALM', start: '2027-10-18', end: '2027-11-26' },
    ];
    expect(next({ enrolments })).toEqual(['BLA', 'FRP', 'LMGE', 'PRM', 'SPMW']);
  });

  it('are none once every course requirement is met', () => {
    const achievements = ['LMA', 'FRP', 'MALM', 'SPMW'].map((code) => passed(code, '2024-06-15'));
    expect(next({ achievements })).toEqual([]);
  });
});
