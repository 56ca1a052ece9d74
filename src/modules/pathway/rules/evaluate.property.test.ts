import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePathway } from './evaluate.js';
import type { PathwayEvaluation } from './evaluation.js';
import { buildRecord, DIPLOMA_RULES, passed } from './pathway-fixtures.js';
import {
  achievementArb,
  bruteForceBest,
  type Case,
  CHOOSE_FIRST_RULES,
  caseArb,
  DISJOINT_RULES,
  dayOffset,
  latestDate,
  OVERLAPPING_RULES,
} from './pathway-generators.js';

const ALL_RULES = [...DISJOINT_RULES, OVERLAPPING_RULES, CHOOSE_FIRST_RULES];

const evaluate = ({ rules, record, today }: Case) => evaluatePathway(rules, record, today);

function metIds(evaluation: PathwayEvaluation): string[] {
  return evaluation.requirements.filter((item) => item.status === 'met').map((item) => item.id);
}

function placesOf(evaluation: PathwayEvaluation): number {
  return evaluation.requirements.reduce((sum, item) => sum + Math.min(item.have, item.needed), 0);
}

/** The evaluation without what merely lists or explains the uncounted achievements. */
function standing(evaluation: PathwayEvaluation, ignoredReason: string) {
  const { uncounted: _uncounted, explanation: _explanation, reasons, ...rest } = evaluation;
  return { ...rest, reasons: reasons.filter((reason) => reason.code !== ignoredReason) };
}

describe('evaluatePathway properties', () => {
  it('chooses what an exhaustive search over every assignment chooses', () => {
    fc.assert(
      fc.property(caseArb(ALL_RULES), (input) => {
        const evaluation = evaluate(input);
        const best = bruteForceBest(input);
        if (best === null) {
          expect(evaluation.window).toMatchObject({ start: null, deadline: null });
          return;
        }
        expect({
          isFeasible: evaluation.status !== 'expired',
          met: metIds(evaluation).length,
          places: placesOf(evaluation),
          deadline: evaluation.window.deadline,
        }).toEqual(best);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts only components inside its window, each course once, the window starting with one of them', () => {
    fc.assert(
      fc.property(caseArb(ALL_RULES, 10, true), (input) => {
        const evaluation = evaluate(input);
        const components = evaluation.requirements.flatMap((item) =>
          item.kind === 'capstone' ? [] : item.components,
        );
        const capstone = evaluation.requirements.find((item) => item.kind === 'capstone');
        const capstoneDates =
          capstone?.status === 'met' && capstone.kind === 'capstone' ? [capstone.completed ?? ''] : [];
        const starts = [...components.map((component) => component.start), ...capstoneDates].sort();
        expect(evaluation.window.start).toBe(starts[0] ?? null);
        const { start, deadline } = evaluation.window;
        for (const component of components) {
          expect(component.start >= (start ?? '')).toBe(true);
          expect(component.completed <= (deadline ?? '')).toBe(true);
        }
        const codes = components.map((component) => component.countsAs);
        expect(new Set(codes).size).toBe(codes.length);
        expect(evaluation.awardable).toBe(evaluation.status === 'completed');
        if (input.record.status === 'withdrawn')
          expect(evaluation).toMatchObject({ status: 'withdrawn', awardable: false });
      }),
      { numRuns: 300 },
    );
  });

  it('never makes a met requirement unmet by adding an achievement, for a candidate not expired', () => {
    // True when: no course counts for two requirements (disjoint lists); every date is on or before
    // today (a record of the past); and the candidate was not expired (an expired candidate's best
    // closed window may meet more than a fresh open one: see the unit test below).
    const pastCase = caseArb(DISJOINT_RULES, 6)
      .map((input) => ({ ...input, today: latestDate(input) }))
      .chain((input) => fc.tuple(fc.constant(input), achievementArb(input.rules, dayOffset(input.today))));
    fc.assert(
      fc.property(pastCase, ([input, extra]) => {
        const before = evaluate(input);
        fc.pre(before.status === 'active' || before.status === 'completed');
        const record = { ...input.record, achievements: [...input.record.achievements, extra] };
        const after = evaluate({ ...input, record });
        expect(metIds(after)).toEqual(expect.arrayContaining(metIds(before)));
        if (before.awardable) expect(after.awardable).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never lowers the number of met requirements by adding an achievement, for any rules and dates', () => {
    // Weaker but more general: with shared course lists, which requirement is met may change
    // (X counted for `options` rather than `core`), never how many, unless the candidate had expired.
    const withExtra = caseArb(ALL_RULES, 6).chain((input) =>
      fc.tuple(fc.constant(input), achievementArb(input.rules)),
    );
    fc.assert(
      fc.property(withExtra, ([input, extra]) => {
        const before = evaluate(input);
        fc.pre(before.status !== 'expired');
        const record = { ...input.record, achievements: [...input.record.achievements, extra] };
        expect(metIds(evaluate({ ...input, record })).length).toBeGreaterThanOrEqual(metIds(before).length);
      }),
      { numRuns: 400 },
    );
  });

  it('is not changed by a Certificate of Participation', () => {
    fc.assert(
      fc.property(caseArb(ALL_RULES, 8, true), achievementArb(DIPLOMA_RULES), (input, extra) => {
        const participation = { ...extra, credential: 'participation' as const, revoked: false };
        const record = { ...input.record, achievements: [...input.record.achievements, participation] };
        const with_ = evaluate({ ...input, record });
        expect(standing(with_, 'participationNotCounted')).toEqual(
          standing(evaluate(input), 'participationNotCounted'),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('treats a revoked achievement exactly as its absence', () => {
    fc.assert(
      fc.property(caseArb(ALL_RULES, 8, true), achievementArb(DIPLOMA_RULES), (input, extra) => {
        const revoked = { ...extra, revoked: true };
        const record = { ...input.record, achievements: [...input.record.achievements, revoked] };
        expect(standing(evaluate({ ...input, record }), 'revokedNotCounted')).toEqual(
          standing(evaluate(input), 'revokedNotCounted'),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and independent of the order of the record', () => {
    const shuffled = caseArb(ALL_RULES, 10, true).chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.record({
          achievements: fc.shuffledSubarray(input.record.achievements, {
            minLength: input.record.achievements.length,
          }),
          enrolments: fc.shuffledSubarray(input.record.enrolments, {
            minLength: input.record.enrolments.length,
          }),
          extensions: fc.shuffledSubarray(input.record.extensions, {
            minLength: input.record.extensions.length,
          }),
        }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([input, reordered]) => {
        const expected = evaluate(input);
        expect(evaluate(input)).toEqual(expected);
        expect(evaluate({ ...input, record: { ...input.record, ...reordered } })).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('never loses ground with an extension: no new expiry, no lost award', () => {
    fc.assert(
      fc.property(caseArb(ALL_RULES, 8), fc.integer({ min: 1, max: 24 }), (input, months) => {
        const before = evaluate(input);
        const extensions = [...input.record.extensions, { months, reason: 'granted' }];
        const after = evaluate({ ...input, record: { ...input.record, extensions } });
        if (before.status !== 'expired') expect(after.status).not.toBe('expired');
        if (before.awardable) expect(after.awardable).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the limit of the monotonicity property', () => {
  it('an expired candidate may lose a met requirement when a new achievement opens a fresh window', () => {
    const old = [passed('LMA', '2015-01-10'), passed('FRP', '2015-02-01')];
    const before = evaluatePathway(DIPLOMA_RULES, buildRecord({ achievements: old }), '2021-01-01');
    expect(before).toMatchObject({ status: 'expired' });
    expect(metIds(before)).toEqual(['academy']);
    const withNew = buildRecord({ achievements: [...old, passed('MALM', '2020-06-01')] });
    const after = evaluatePathway(DIPLOMA_RULES, withNew, '2021-01-01');
    expect(after).toMatchObject({ status: 'active', window: { start: '2020-06-01' } });
    expect(metIds(after)).toEqual([]);
  });
});
