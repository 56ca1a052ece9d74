import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHundredths, hundredthsOf } from './decimal.js';
import { marksFileSchema, readDecimalJson } from './result-files.schemas.js';
import {
  evaluateResult,
  type Mark,
  OUTCOME_RANK,
  type PersonInputs,
  type PersonResult,
  type ResultPolicy,
} from './result-policy.js';

const hundredths = fc.integer({ min: 0, max: 10_000 });
const day = fc
  .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const policyArbitrary: fc.Arbitrary<ResultPolicy> = fc
  .record({
    passMark: hundredths,
    requiredItemsComplete: fc.boolean(),
    minAttendance: fc.option(hundredths, { nil: null }),
    participation: hundredths,
    components: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('forum', 'group', 'assignment', 'quiz', 'essay', 'project'),
        weight: fc.integer({ min: 1, max: 1000 }),
        minMark: fc.option(hundredths, { nil: null }),
        cutoff: day,
      }),
      { minLength: 1, maxLength: 6, selector: (c) => c.id },
    ),
  })
  .map((p) => ({
    passMark: p.passMark,
    gates: { requiredItemsComplete: p.requiredItemsComplete, minAttendance: p.minAttendance },
    participation: { minAttendance: p.participation },
    components: p.components,
  }));

const markArbitrary: fc.Arbitrary<Mark> = fc.oneof(
  { weight: 6, arbitrary: hundredths },
  { weight: 1, arbitrary: fc.constant<'excused'>('excused') },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A policy, one person's inputs for it, and a day. */
const caseArbitrary = policyArbitrary.chain((policy) =>
  fc.record({
    policy: fc.constant(policy),
    inputs: fc.record({
      person: fc.constant('P-0001'),
      requiredItemsComplete: fc.boolean(),
      attendance: fc.option(hundredths, { nil: null }),
      marks: fc.record(Object.fromEntries(policy.components.map((c) => [c.id, markArbitrary])), {
        requiredKeys: [],
      }) as fc.Arbitrary<Record<string, Mark>>,
    }) as fc.Arbitrary<PersonInputs>,
    today: day,
  }),
);

function rank(result: PersonResult): number {
  return result.outcome === 'pending' ? -1 : OUTCOME_RANK[result.outcome];
}

describe('the result policy (properties)', () => {
  it('is monotonic in marks: raising a mark never lowers the total nor worsens the outcome', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.nat(), hundredths, ({ policy, inputs, today }, pick, raise) => {
        const component = policy.components[pick % policy.components.length];
        if (!component) return;
        const before = inputs.marks[component.id];
        if (before === 'excused') return;
        const base = typeof before === 'number' ? before : 0;
        if (before == null && today <= component.cutoff) return; // an awaited mark: pending, not ranked
        const raised = Math.min(10_000, base + raise);
        const first = evaluateResult(policy, inputs, today);
        const second = evaluateResult(
          policy,
          { ...inputs, marks: { ...inputs.marks, [component.id]: raised } },
          today,
        );
        if (first.outcome === 'pending') {
          expect(second.outcome).toBe('pending');
          return;
        }
        if (first.total !== null) expect(second.total).toBeGreaterThanOrEqual(first.total);
        expect(rank(second)).toBeGreaterThanOrEqual(rank(first));
      }),
      { numRuns: 500 },
    );
  });

  it('excusing a component is the same as removing it from the policy (its gate counts as met)', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.nat(), ({ policy, inputs, today }, pick) => {
        const component = policy.components[pick % policy.components.length];
        if (!component) return;
        const excused = evaluateResult(
          policy,
          { ...inputs, marks: { ...inputs.marks, [component.id]: 'excused' } },
          today,
        );
        const { [component.id]: _removed, ...otherMarks } = inputs.marks;
        const removed = evaluateResult(
          { ...policy, components: policy.components.filter((c) => c.id !== component.id) },
          { ...inputs, marks: otherMarks },
          today,
        );
        const { [component.id]: gate, ...otherGates } = excused.gates;
        expect(gate).toBe(component.minMark === null ? undefined : true);
        expect({ ...excused, gates: otherGates }).toEqual(removed);
      }),
      { numRuns: 500 },
    );
  });

  it('rounds once, half up: the total is the exact weighted mean rounded to the nearest hundredth', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ policy, inputs }) => {
        const today = '2027-01-01'; // after every cut-off: nothing pending
        const result = evaluateResult(policy, inputs, today);
        let numerator = 0n;
        let denominator = 0n;
        for (const c of policy.components) {
          const mark = inputs.marks[c.id];
          if (mark === 'excused') continue;
          numerator += BigInt(c.weight) * BigInt(mark ?? 0);
          denominator += BigInt(c.weight);
        }
        if (denominator === 0n) {
          expect(result.total).toBeNull();
          return;
        }
        const total = BigInt(result.total ?? -1);
        // total − ½ ≤ numerator ÷ denominator < total + ½
        expect((2n * total - 1n) * denominator <= 2n * numerator).toBe(true);
        expect(2n * numerator < (2n * total + 1n) * denominator).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('reads hundredths from the decimal text, never through a float', () => {
    fc.assert(
      fc.property(hundredths, fc.nat({ max: 3 }), (value, extraZeros) => {
        const plain = formatHundredths(value);
        const padded = plain.includes('.') ? plain + '0'.repeat(extraZeros) : plain;
        expect(hundredthsOf(plain)).toBe(value);
        expect(hundredthsOf(padded)).toBe(value);
        const [person] = marksFileSchema(['forum']).parse(
          readDecimalJson(`[{"person":"P","marks":{"forum":${padded}}}]`),
        );
        expect(person?.marks.forum).toBe(value);
      }),
    );
  });

  it('refuses any mark with a third significant decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 1, max: 9 }), (value, third) => {
        const text = `${formatHundredths(value)}${value % 100 === 0 ? '.00' : value % 10 === 0 ? '0' : ''}${third}`;
        expect(hundredthsOf(text)).toBeNull();
        expect(() =>
          marksFileSchema(['forum']).parse(readDecimalJson(`[{"person":"P","marks":{"forum":${text}}}]`)),
        ).toThrow();
      }),
    );
  });
});
