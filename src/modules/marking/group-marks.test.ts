import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustedMark, markOfMember, memberMarks, membersOf } from './group-marks.js';

describe('group marks', () => {
  it('adjusts by the factor to four decimals, rounds half up once, caps at 100 %', () => {
    expect(adjustedMark(6000)).toBe(6000);
    expect(adjustedMark(6000, 1.25)).toBe(7500);
    expect(adjustedMark(6001, 0.5)).toBe(3001); // 3000.5 → 3001
    expect(adjustedMark(9000, 1.5)).toBe(10_000);
    expect(adjustedMark(7000, 0.83333333)).toBe(5833); // 0.8333 × 7000 = 5833.1
  });

  it('never decreases with the factor and stays within 0–100 %', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        (mark, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const x = adjustedMark(mark, low);
          const y = adjustedMark(mark, high);
          return x <= y && x >= 0 && y <= 10_000;
        },
      ),
    );
  });

  it('gives every member a mark; a member nobody rated keeps the group mark', () => {
    expect(memberMarks(8000, ['a', 'b'], new Map([['a', 0.9]]))).toEqual({ a: 7200, b: 8000 });
    expect(memberMarks(8000, ['a'], null)).toEqual({ a: 8000 });
  });

  it('reads the members and a member mark back (the participant alone by default)', () => {
    expect(membersOf({ participant_id: 'p', members_json: null })).toEqual(['p']);
    expect(membersOf({ participant_id: 'p', members_json: '["p","q"]' })).toEqual(['p', 'q']);
    expect(markOfMember({ member_marks_json: '{"q":5000}' }, 'q', 6000)).toBe(5000);
    expect(markOfMember({ member_marks_json: '{"q":5000}' }, 'r', 6000)).toBe(6000);
    expect(markOfMember({ member_marks_json: null }, 'q', 6000)).toBe(6000);
  });
});
