import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysLate, LATE_PENALTY_KINDS, type LatePenaltyPolicy, latePenalty } from './late-penalty.js';

const due = '2027-03-01T12:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(due) + hours * 3600 * 1000).toISOString();
const policy = fc.record<LatePenaltyPolicy>({
  kind: fc.constantFrom(...LATE_PENALTY_KINDS),
  amount: fc.integer({ min: 0, max: 10000 }),
  cap: fc.integer({ min: 0, max: 10000 }),
});
const hours = fc.integer({ min: -1000, max: 1000 });

describe('late penalty', () => {
  it('counts started days after the due instant', () => {
    expect(daysLate(due, due)).toBe(0);
    expect(daysLate(due, at(-5))).toBe(0);
    expect(daysLate(due, at(0.01))).toBe(1);
    expect(daysLate(due, at(24))).toBe(1);
    expect(daysLate(due, at(24.01))).toBe(2);
    expect(daysLate(null, at(100))).toBe(0);
  });

  it('takes points per started day or once, capped', () => {
    const perDay: LatePenaltyPolicy = { kind: 'percent-per-day', amount: 500, cap: 2000 };
    expect(latePenalty(perDay, due, at(1))).toBe(500);
    expect(latePenalty(perDay, due, at(49))).toBe(1500);
    expect(latePenalty(perDay, due, at(24 * 10))).toBe(2000);
    expect(latePenalty({ kind: 'fixed', amount: 1000, cap: 0 }, due, at(300))).toBe(1000);
    expect(latePenalty({ kind: 'fixed', amount: 1000, cap: 400 }, due, at(1))).toBe(400);
    expect(latePenalty({ kind: 'none', amount: 1000, cap: 0 }, due, at(300))).toBe(0);
  });

  it('is nothing on time, never more than the cap or the whole mark, and never decreases with lateness', () => {
    fc.assert(
      fc.property(policy, hours, hours, (p, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = latePenalty(p, due, at(early));
        const second = latePenalty(p, due, at(late));
        expect(first).toBeGreaterThanOrEqual(0);
        expect(second).toBeLessThanOrEqual(p.cap > 0 ? p.cap : 10000);
        expect(second).toBeLessThanOrEqual(10000);
        expect(first).toBeLessThanOrEqual(second);
        if (early <= 0) expect(first).toBe(0);
      }),
    );
  });

  it('never decreases when the policy takes more per day or caps higher', () => {
    fc.assert(
      fc.property(
        policy,
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 1000 }),
        (p, more, h) => {
          const bigger = { ...p, amount: p.amount + more, cap: p.cap === 0 ? 0 : p.cap + more };
          expect(latePenalty(bigger, due, at(h))).toBeGreaterThanOrEqual(latePenalty(p, due, at(h)));
        },
      ),
    );
  });
});
