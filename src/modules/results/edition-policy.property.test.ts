import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathwayOutcomeOf, stillNeeded } from './edition-policy.js';
import { evaluateResult, type Mark, type ResultPolicy } from './result-policy.js';

const hundredths = fc.integer({ min: 0, max: 10_000 });
const caseArbitrary = fc
  .record({
    passMark: hundredths,
    components: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
        weight: fc.integer({ min: 1, max: 100 }),
        cutoff: fc.constantFrom('2026-03-01', '2026-06-01', '2026-09-01'),
        mark: fc.oneof(hundredths, fc.constant<'excused'>('excused'), fc.constant(null)),
      }),
      { minLength: 1, maxLength: 5, selector: (c) => c.id },
    ),
    today: fc.constantFrom('2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'),
  })
  .map(({ passMark, components, today }) => {
    const policy: ResultPolicy = {
      passMark,
      gates: { requiredItemsComplete: false, minAttendance: null },
      participation: { minAttendance: 0 },
      components: components.map(({ id, weight, cutoff }) => ({ id, weight, minMark: null, cutoff })),
    };
    const marks: Record<string, Mark> = Object.fromEntries(components.map((c) => [c.id, c.mark]));
    return { policy, inputs: { person: 'P', requiredItemsComplete: true, attendance: 10_000, marks }, today };
  });

describe('what a participant still needs (properties)', () => {
  it('the mark it names on every awaited item is exactly the least that reaches the pass mark', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ policy, inputs, today }) => {
        const needed = stillNeeded(policy, inputs, evaluateResult(policy, inputs, today), today);
        if (needed.awaited.length === 0) return;
        const totalWith = (mark: number) =>
          evaluateResult(
            policy,
            {
              ...inputs,
              marks: { ...inputs.marks, ...Object.fromEntries(needed.awaited.map((id) => [id, mark])) },
            },
            today,
          ).total ?? -1;
        if (needed.markOnRemaining === null) {
          expect(totalWith(10_000)).toBeLessThan(policy.passMark);
          return;
        }
        expect(totalWith(needed.markOnRemaining)).toBeGreaterThanOrEqual(policy.passMark);
        if (needed.markOnRemaining > 0)
          expect(totalWith(needed.markOnRemaining - 1)).toBeLessThan(policy.passMark);
      }),
      { numRuns: 500 },
    );
  });

  it('maps outcomes to the pathway result the policy says they give', () => {
    const gives = { achievement: 'achievement', participation: 'none' } as const;
    expect(pathwayOutcomeOf('achievement', gives)).toBe('achievement');
    expect(pathwayOutcomeOf('participation', gives)).toBe('not-passed');
    expect(pathwayOutcomeOf('none', gives)).toBe('not-passed');
    expect(pathwayOutcomeOf('pending', gives)).toBeNull();
  });
});
