import { describe, expect, it } from 'vitest';
import { attendanceHundredths } from './attendance-source.js';

describe('webinar attendance in hundredths of a percent', () => {
  it('is null when no webinar has been held, and exact or rounded half up once otherwise', () => {
    expect(attendanceHundredths(0, 0)).toBeNull();
    expect(attendanceHundredths(0, 4)).toBe(0);
    expect(attendanceHundredths(4, 4)).toBe(10_000);
    expect(attendanceHundredths(1, 3)).toBe(3333);
    expect(attendanceHundredths(2, 3)).toBe(6667);
    expect(attendanceHundredths(1, 8)).toBe(1250);
    expect(attendanceHundredths(1, 6)).toBe(1667);
    // More attendance rows than sessions held never passes 100 %.
    expect(attendanceHundredths(5, 4)).toBe(10_000);
  });

  it('never decreases as attendance rises', () => {
    for (let held = 1; held <= 40; held++)
      for (let attended = 1; attended <= held; attended++)
        expect(attendanceHundredths(attended, held)).toBeGreaterThanOrEqual(
          attendanceHundredths(attended - 1, held) ?? 0,
        );
  });
});
