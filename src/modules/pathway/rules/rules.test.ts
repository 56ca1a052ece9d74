import { describe, expect, it } from 'vitest';
import { DIPLOMA_RULES_INPUT } from './pathway-fixtures.js';
import { candidateRecordSchema } from './record.js';
import { pathwayRulesSchema } from './rules.js';

/** The issues of an invalid document as `path: message` lines. */
function problems(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
}

function withRequirements(requirements: unknown[], extra: Record<string, unknown> = {}) {
  return { ...DIPLOMA_RULES_INPUT, requirements, ...extra };
}

describe('pathwayRulesSchema', () => {
  it('accepts the issue example exactly and fills defaults', () => {
    const rules = pathwayRulesSchema.parse({
      window: { years: 5, from: 'first-counted-start' },
      equivalences: { ELMA: 'LMA' },
      requirements: [
        { id: 'academy', kind: 'course', courses: ['LMA'] },
        { id: 'electives', kind: 'choose', count: 3, courses: ['FRP', 'MALM', 'SPMW', 'PRM', 'LMGE', 'BLA'] },
        { id: 'capstone', kind: 'capstone', after: ['academy', 'electives'] },
      ],
    });
    expect(rules.courseHours).toEqual({});
    expect(rules.capstoneHours).toBe(0);
    expect(rules.totalHours).toBeUndefined();
    expect(
      pathwayRulesSchema.parse({
        window: { years: 3 },
        requirements: [{ id: 'a', kind: 'course', courses: ['X'] }],
      }),
    ).toMatchObject({ window: { years: 3, from: 'first-counted-start' }, equivalences: {} });
  });

  it('rejects duplicate requirement ids', () => {
    const input = withRequirements([
      { id: 'academy', kind: 'course', courses: ['LMA'] },
      { id: 'academy', kind: 'choose', count: 1, courses: ['FRP'] },
    ]);
    expect(problems(pathwayRulesSchema.safeParse(input))).toEqual([
      'requirements.1.id: duplicate requirement id "academy"',
    ]);
  });

  it('rejects an `after` naming no requirement, itself, or twice', () => {
    const input = withRequirements([
      { id: 'academy', kind: 'course', courses: ['LMA'] },
      { id: 'capstone', kind: 'capstone', after: ['academy', 'electivs', 'capstone', 'academy'] },
    ]);
    expect(problems(pathwayRulesSchema.safeParse(input))).toEqual([
      'requirements.1.after.1: no requirement has the id "electivs"',
      'requirements.1.after.2: the capstone cannot come after itself',
      'requirements.1.after.3: "academy" is listed twice',
    ]);
  });

  it('rejects a count of zero or above the number of listed courses', () => {
    const tooMany = withRequirements([
      { id: 'electives', kind: 'choose', count: 3, courses: ['FRP', 'MALM'] },
    ]);
    expect(problems(pathwayRulesSchema.safeParse(tooMany))).toEqual([
      'requirements.0.count: count is 3 but only 2 courses are listed',
    ]);
    const zero = withRequirements([{ id: 'electives', kind: 'choose', count: 0, courses: ['FRP'] }]);
    expect(problems(pathwayRulesSchema.safeParse(zero))[0]).toMatch(/^requirements\.0\.count: /);
  });

  it('rejects a course listed twice, or listed under a code that is mapped to another', () => {
    const input = withRequirements([{ id: 'academy', kind: 'course', courses: ['LMA', 'ELMA', 'LMA'] }]);
    expect(problems(pathwayRulesSchema.safeParse(input))).toEqual([
      'requirements.0.courses.1: "ELMA" counts as "LMA" (equivalences): list "LMA" instead',
      'requirements.0.courses.2: "LMA" is listed twice',
    ]);
  });

  it('rejects chained or self equivalences', () => {
    const input = { ...DIPLOMA_RULES_INPUT, equivalences: { OLD: 'ELMA', ELMA: 'LMA', X: 'X' } };
    expect(problems(pathwayRulesSchema.safeParse(input))).toEqual([
      'equivalences.OLD: "OLD" maps onto "ELMA", which is itself mapped onto "LMA": map "OLD" directly onto the final code',
      'equivalences.X: "X" is mapped onto itself',
    ]);
  });

  it('rejects two capstones, an unknown kind, an unknown field and a bad window', () => {
    const twoCapstones = withRequirements([
      { id: 'a', kind: 'capstone' },
      { id: 'b', kind: 'capstone' },
    ]);
    expect(problems(pathwayRulesSchema.safeParse(twoCapstones))).toEqual([
      'requirements.1.kind: only one capstone requirement is allowed',
    ]);
    const unknownKind = withRequirements([{ id: 'a', kind: 'thesis' }]);
    expect(problems(pathwayRulesSchema.safeParse(unknownKind))).toEqual([
      'requirements.0.kind: kind must be "course", "choose" or "capstone"',
    ]);
    const typo = withRequirements([{ id: 'a', kind: 'course', courses: ['LMA'], cuorses: [] }]);
    expect(problems(pathwayRulesSchema.safeParse(typo))[0]).toMatch(/cuorses/);
    expect(
      problems(pathwayRulesSchema.safeParse({ ...DIPLOMA_RULES_INPUT, window: { years: 0 } }))[0],
    ).toMatch(/^window\.years: /);
    expect(
      problems(
        pathwayRulesSchema.safeParse({ ...DIPLOMA_RULES_INPUT, window: { years: 5, from: 'registration' } }),
      )[0],
    ).toMatch(/^window\.from: /);
  });
});

describe('candidateRecordSchema', () => {
  const valid = {
    registeredOn: '2021-01-10',
    status: 'active',
    achievements: [
      { course: 'LMA', credential: 'achievement', start: '2020-06-01', completed: '2020-06-12' },
    ],
  };

  it('fills the optional parts with defaults', () => {
    const record = candidateRecordSchema.parse(valid);
    expect(record.achievements[0]?.revoked).toBe(false);
    expect(record.enrolments).toEqual([]);
    expect(record.extensions).toEqual([]);
    expect(record.capstone).toBeUndefined();
  });

  it('names the path of a bad date, a start after completion, and a passed capstone without a date', () => {
    const input = {
      ...valid,
      achievements: [
        { course: 'LMA', credential: 'achievement', completed: '2023-02-30' },
        { course: 'FRP', credential: 'achievement', start: '2021-03-01', completed: '2021-02-01' },
      ],
      capstone: { status: 'passed' },
    };
    expect(problems(candidateRecordSchema.safeParse(input))).toEqual([
      'achievements.0.completed: expected a date YYYY-MM-DD, got "2023-02-30"',
      'achievements.1.start: start must not be after completed',
      'capstone.completed: a passed capstone needs its completed date',
    ]);
  });

  it('rejects an unknown credential or status and an empty extension reason', () => {
    const input = {
      ...valid,
      status: 'paused',
      achievements: [{ course: 'LMA', credential: 'diploma', completed: '2020-06-12' }],
      extensions: [{ months: 6, reason: ' ' }],
    };
    const found = problems(candidateRecordSchema.safeParse(input));
    expect(found.map((line) => line.split(':')[0])).toEqual([
      'status',
      'achievements.0.credential',
      'extensions.0.reason',
    ]);
  });
});
