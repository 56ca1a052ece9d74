import { describe, expect, it } from 'vitest';
import { allocateEvenly } from './allocation/allocation.js';
import {
  type Criterion,
  formatMark,
  isDiscrepant,
  meanMark,
  parsePoints,
  rubricTotal,
  scoreProblems,
} from './rubrics/rubric.js';
import {
  MARKING_ACTIONS,
  MARKING_STATES,
  type MarkingAction,
  type MarkingState,
  nextMarkingState,
  participantLabel,
} from './workflow.js';

const criteria: Criterion[] = [
  { id: 'c1', title: 'Analysis', weight: 2, maxPoints: 10, levels: [] },
  {
    id: 'c2',
    title: 'Recommendations',
    weight: 1,
    maxPoints: 4,
    levels: [
      { label: 'Weak', points: 1 },
      { label: 'Good', points: 3 },
      { label: 'Excellent', points: 4 },
    ],
  },
];

describe('rubricTotal', () => {
  it('weights each criterion by its maximum and rounds half up once', () => {
    // (2 × 7.5/10 + 1 × 3/4) ÷ 3 = (1.5 + 0.75) ÷ 3 = 0.75 → 7500
    expect(
      rubricTotal(criteria, { c1: { points: 750, comment: '' }, c2: { points: 300, comment: '' } }),
    ).toBe(7500);
    // (2 × 10/10 + 1 × 1/4) ÷ 3 = 0.75 → 7500; (2 × 0.01/10 + 0) ÷ 3 = 0.000667 → 6.67 hundredths → 7
    expect(rubricTotal(criteria, { c1: { points: 1, comment: '' }, c2: { points: 0, comment: '' } })).toBe(7);
    expect(
      rubricTotal(criteria, { c1: { points: 1000, comment: '' }, c2: { points: 400, comment: '' } }),
    ).toBe(10000);
  });
  it('rounds exactly half up (1/3 of a hundredth below, 1/2 up)', () => {
    const one: Criterion[] = [{ id: 'c1', title: 'x', weight: 1, maxPoints: 8, levels: [] }];
    // 0.01/8 = 0.00125 → 12.5 hundredths → 13
    expect(rubricTotal(one, { c1: { points: 1, comment: '' } })).toBe(13);
  });
  it('finds missing scores, scores out of range and scores off the levels', () => {
    expect(scoreProblems(criteria, { c1: { points: 1001, comment: '' } })).toEqual({
      c1: 'marking.error.scoreRange',
      c2: 'marking.error.scoreMissing',
    });
    expect(
      scoreProblems(criteria, { c1: { points: 0, comment: '' }, c2: { points: 200, comment: '' } }),
    ).toEqual({ c2: 'marking.error.scoreLevel' });
    expect(
      scoreProblems(criteria, { c1: { points: 0, comment: '' }, c2: { points: 400, comment: '' } }),
    ).toEqual({});
  });
  it('reads points as decimal text, never as floats', () => {
    expect(parsePoints('7')).toBe(700);
    expect(parsePoints('7.5')).toBe(750);
    expect(parsePoints('0,29')).toBe(29);
    expect(parsePoints('7.123')).toBeNull();
    expect(parsePoints('-1')).toBeNull();
    expect(formatMark(2719)).toBe('27.19');
    expect(formatMark(5)).toBe('0.05');
  });
  it('flags two marks further apart than the threshold; their mean rounds half up', () => {
    expect(isDiscrepant(6000, 7000, 1000)).toBe(false);
    expect(isDiscrepant(6000, 7001, 1000)).toBe(true);
    expect(meanMark(6000, 6001)).toBe(6001);
  });
});

describe('the marking workflow', () => {
  const allowed: Record<MarkingState, Partial<Record<MarkingAction, MarkingState>>> = {
    'not-marked': { 'start-marking': 'in-marking' },
    'in-marking': { 'complete-marking': 'ready-for-review' },
    'ready-for-review': { 'start-review': 'in-review', 'return-to-marking': 'in-marking' },
    'in-review': { agree: 'ready-for-release', 'return-to-marking': 'in-marking' },
    'ready-for-release': { release: 'released', 'reopen-review': 'in-review' },
    released: {},
  };
  for (const state of MARKING_STATES)
    for (const action of MARKING_ACTIONS) {
      const expected = allowed[state][action] ?? null;
      it(`${state} + ${action} → ${expected ?? 'refused'}`, () => {
        expect(nextMarkingState(state, action)).toBe(expected);
      });
    }
  it('numbers participants as P-0042', () => {
    expect(participantLabel(42)).toBe('P-0042');
    expect(participantLabel(12345)).toBe('P-12345');
  });
});

describe('allocateEvenly', () => {
  it('spreads submissions over markers, counting what they already hold', () => {
    const out = allocateEvenly(['s1', 's2', 's3', 's4'], ['a', 'b'], new Map([['a', 1]]));
    // a already holds one: the first goes to b, and the loads end 3 and 2.
    expect(out.get('s1')).toBe('b');
    expect(1 + [...out.values()].filter((m) => m === 'a').length).toBe(3);
    expect([...out.values()].filter((m) => m === 'b')).toHaveLength(2);
  });
  it('never gives a second marking to the first marker', () => {
    const out = allocateEvenly(
      ['s1', 's2'],
      ['a', 'b'],
      new Map(),
      new Map([
        ['s1', 'a'],
        ['s2', 'a'],
      ]),
    );
    expect(out.get('s1')).toBe('b');
    expect(out.get('s2')).toBe('b');
  });
  it('leaves a submission without a possible marker unallocated', () => {
    expect(allocateEvenly(['s1'], ['a'], new Map(), new Map([['s1', 'a']])).size).toBe(0);
  });
});
