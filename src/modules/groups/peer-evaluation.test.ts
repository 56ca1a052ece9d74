import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateGroup, FACTOR_MAX, FACTOR_MIN, type Rating } from './peer-evaluation.js';

const r = (raterId: string, rateeId: string, score: number): Rating => ({ raterId, rateeId, score });

describe('peer evaluation', () => {
  it('scores each member by what the others gave them, relative to the group mean', () => {
    const result = evaluateGroup(
      ['a', 'b', 'c'],
      [r('a', 'b', 5), r('c', 'b', 5), r('b', 'a', 3), r('c', 'a', 3), r('a', 'c', 1), r('b', 'c', 1)],
    );
    expect(result.groupMean).toBe(3);
    expect(result.members.map((m) => [m.memberId, m.received, m.factor])).toEqual([
      ['a', 3, 1],
      ['b', 5, FACTOR_MAX],
      ['c', 1, FACTOR_MIN],
    ]);
    expect(result.members.map((m) => m.flags)).toEqual([[], ['far-from-group'], ['far-from-group']]);
  });

  it('ignores self-ratings in the score but flags one far above the peers', () => {
    const result = evaluateGroup(['a', 'b'], [r('a', 'a', 5), r('b', 'a', 3), r('a', 'b', 3)]);
    expect(result.members[0]).toMatchObject({ received: 3, self: 5, factor: 1, flags: ['self-above-peers'] });
    const modest = evaluateGroup(['a', 'b'], [r('a', 'a', 4), r('b', 'a', 3), r('a', 'b', 3)]);
    expect(modest.members[0]?.flags).toEqual([]);
  });

  it('keeps 1 for members nobody rated and ignores ratings from outside the group', () => {
    const result = evaluateGroup(['a', 'b'], [r('x', 'a', 1), r('a', 'x', 5)]);
    expect(result.groupMean).toBeNull();
    expect(result.members.map((m) => m.factor)).toEqual([1, 1]);
  });

  it('always gives factors within the bounds, and 1 to everyone when all rate alike', () => {
    const members = ['a', 'b', 'c', 'd', 'e'];
    const ratings = fc.array(
      fc.record({
        raterId: fc.constantFrom(...members),
        rateeId: fc.constantFrom(...members),
        score: fc.integer({ min: 1, max: 5 }),
      }),
    );
    fc.assert(
      fc.property(ratings, (list) => {
        for (const m of evaluateGroup(members, list).members) {
          expect(m.factor).toBeGreaterThanOrEqual(FACTOR_MIN);
          expect(m.factor).toBeLessThanOrEqual(FACTOR_MAX);
        }
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), (score) => {
        const all = members.flatMap((a) => members.map((b) => r(a, b, score)));
        expect(evaluateGroup(members, all).members.every((m) => m.factor === 1 && m.flags.length === 0)).toBe(
          true,
        );
      }),
    );
  });
});
