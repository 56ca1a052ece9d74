import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canReadCaseDebrief, isOpenForAnswers, isReleased } from './case-study.js';

const instant = fc
  .date({ min: new Date('2026-01-01'), max: new Date('2028-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());

describe('case-study rules', () => {
  it('never shows a release or the debrief to a participant before its date, and answers close at the deadline', () => {
    fc.assert(
      fc.property(instant, instant, (at, now) => {
        expect(isReleased(at, now)).toBe(Date.parse(at) <= Date.parse(now));
        expect(canReadCaseDebrief(at, now, false)).toBe(Date.parse(at) <= Date.parse(now));
        expect(isOpenForAnswers(at, now)).not.toBe(canReadCaseDebrief(at, now, false));
        expect(canReadCaseDebrief(at, now, true)).toBe(true);
      }),
    );
    expect(canReadCaseDebrief(null, '2030-01-01T00:00:00.000Z', false)).toBe(false);
    expect(isOpenForAnswers(null, '2030-01-01T00:00:00.000Z')).toBe(true);
  });
});
