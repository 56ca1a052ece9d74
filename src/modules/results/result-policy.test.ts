import { describe, expect, it } from 'vitest';
import { formatHundredths, hundredthsOf, positiveIntegerOf } from './decimal.js';
import { marksFileSchema, policyFileSchema, readDecimalJson } from './result-files.schemas.js';
import { evaluateResult, type PersonInputs, type ResultPolicy } from './result-policy.js';
import { ISSUE_MARKS_JSON, ISSUE_POLICY_JSON } from './result-policy-fixtures.js';

const policy: ResultPolicy = policyFileSchema.parse(readDecimalJson(ISSUE_POLICY_JSON));

function person(marks: PersonInputs['marks'], extra: Partial<PersonInputs> = {}): PersonInputs {
  return { person: 'P-0001', requiredItemsComplete: true, attendance: 8550, marks, ...extra };
}

describe('hundredths from decimal text', () => {
  it.each([
    ['72.5', 7250],
    ['0.29', 29],
    ['100', 10000],
    ['72.50', 7250],
    ['72.500', 7250],
    ['7.25e1', 7250],
    ['0', 0],
    ['1.005', null],
    ['72.555', null],
    ['abc', null],
  ])('%s → %s', (text, expected) => {
    expect(hundredthsOf(text)).toBe(expected);
  });

  it('a weight is a positive integer', () => {
    expect(positiveIntegerOf('15')).toBe(15);
    expect(positiveIntegerOf('0')).toBeNull();
    expect(positiveIntegerOf('1.5')).toBeNull();
    expect(positiveIntegerOf('-3')).toBeNull();
  });

  it('hundredths print back as the decimal they are', () => {
    expect(formatHundredths(2719)).toBe('27.19');
    expect(formatHundredths(7250)).toBe('72.5');
    expect(formatHundredths(6000)).toBe('60');
    expect(formatHundredths(5)).toBe('0.05');
  });
});

describe('evaluateResult', () => {
  it("gives the issue's example exactly", () => {
    const people = marksFileSchema(['forum', 'group', 'assignment']).parse(readDecimalJson(ISSUE_MARKS_JSON));
    expect(JSON.stringify(people.map((p) => evaluateResult(policy, p, '2026-05-01')))).toBe(
      '[{"person":"P-0001","outcome":"participation","total":2719,"gates":{"requiredItemsComplete":true,"attendance":true,"assignment":true},"missing":["group"]}]',
    );
  });

  it('a missing mark up to and including its cut-off day makes the result pending with no total', () => {
    const result = evaluateResult(policy, person({ forum: 7250, assignment: 9000 }), '2026-03-15');
    expect(result).toMatchObject({ outcome: 'pending', total: null, missing: [] });
    const after = evaluateResult(policy, person({ forum: 7250, assignment: 5000 }), '2026-03-16');
    expect(after).toMatchObject({ outcome: 'participation', total: 4088, missing: ['group'] });
  });

  it('achievement needs every gate and the pass mark', () => {
    const marks = { forum: 8000, group: 7000, assignment: 6000 };
    expect(evaluateResult(policy, person(marks), '2026-05-01')).toMatchObject({
      outcome: 'achievement',
      total: 6550,
    });
    expect(
      evaluateResult(policy, person(marks, { requiredItemsComplete: false }), '2026-05-01').outcome,
    ).toBe('participation');
    expect(
      evaluateResult(policy, person({ ...marks, assignment: 4999 }), '2026-05-01').gates.assignment,
    ).toBe(false);
    expect(evaluateResult(policy, person(marks, { attendance: 4000 }), '2026-05-01').outcome).toBe('none');
  });

  it('a total of exactly the pass mark achieves; a hundredth less does not', () => {
    const only: ResultPolicy = {
      ...policy,
      gates: { requiredItemsComplete: false, minAttendance: null },
      components: [{ id: 'a', weight: 1, minMark: null, cutoff: '2026-01-01' }],
    };
    expect(evaluateResult(only, person({ a: 6000 }), '2026-05-01').outcome).toBe('achievement');
    expect(evaluateResult(only, person({ a: 5999 }), '2026-05-01').outcome).toBe('participation');
    expect(evaluateResult(only, person({ a: 5999 }), '2026-05-01').gates).toEqual({});
  });

  it('every component excused: total null, never achievement', () => {
    const result = evaluateResult(
      policy,
      person({ forum: 'excused', group: 'excused', assignment: 'excused' }),
      '2026-05-01',
    );
    expect(result).toMatchObject({ total: null, outcome: 'participation' });
  });

  it('rounds half up once at the end', () => {
    const two: ResultPolicy = {
      ...policy,
      gates: { requiredItemsComplete: false, minAttendance: null },
      components: [
        { id: 'a', weight: 1, minMark: null, cutoff: '2026-01-01' },
        { id: 'b', weight: 1, minMark: null, cutoff: '2026-01-01' },
      ],
    };
    expect(evaluateResult(two, person({ a: 1, b: 0 }), '2026-05-01').total).toBe(1); // 0.5 → 1
    expect(evaluateResult(two, person({ a: 1, b: 2 }), '2026-05-01').total).toBe(2); // 1.5 → 2
  });
});
