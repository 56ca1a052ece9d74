/**
 * Test support for the pathway property tests (imported by *.test.ts only): random rule sets and
 * records for fast-check, and a brute-force reference of the window choice to check the engine by.
 */
import fc from 'fast-check';
import { addMonths, type IsoDate } from './dates.js';
import { buildRecord, DIPLOMA_RULES } from './pathway-fixtures.js';
import type { Achievement, CandidateRecord } from './record.js';
import { countsAs, type PathwayRules, pathwayRulesSchema } from './rules.js';

/** A two-year programme with an equivalence: X (or OLDX), two of A, B, C, then a final piece. */
export const SMALL_RULES = pathwayRulesSchema.parse({
  window: { years: 2 },
  equivalences: { OLDX: 'X' },
  requirements: [
    { id: 'core', kind: 'course', courses: ['X'] },
    { id: 'options', kind: 'choose', count: 2, courses: ['A', 'B', 'C'] },
    { id: 'final', kind: 'capstone', after: ['core', 'options'] },
  ],
});

/** Lists that share a course: X may count for `core` or for `options`, never both. */
export const OVERLAPPING_RULES = pathwayRulesSchema.parse({
  window: { years: 3 },
  requirements: [
    { id: 'core', kind: 'course', courses: ['X'] },
    { id: 'options', kind: 'choose', count: 2, courses: ['X', 'Y', 'Z'] },
    { id: 'final', kind: 'capstone', after: ['core'] },
  ],
});

/** The same, the `choose` first: a greedy count would give it X and leave `core` unmet. */
export const CHOOSE_FIRST_RULES = pathwayRulesSchema.parse({
  window: { years: 3 },
  requirements: [
    { id: 'options', kind: 'choose', count: 2, courses: ['X', 'Y', 'Z'] },
    { id: 'core', kind: 'course', courses: ['X'] },
  ],
});

/** Rule sets where every course (after equivalences) is listed by one requirement only. */
export const DISJOINT_RULES = [DIPLOMA_RULES, SMALL_RULES];

const EPOCH = Date.UTC(2014, 0, 1);
const DAY = 86_400_000;
const isoFromOffset = (days: number): IsoDate => new Date(EPOCH + days * DAY).toISOString().slice(0, 10);
const dateArb = (minDays: number, maxDays: number) =>
  fc.integer({ min: minDays, max: maxDays }).map(isoFromOffset);
const YEARS_OF_DAYS = 365 * 9;

function courseArb(rules: PathwayRules): fc.Arbitrary<string> {
  const listed = rules.requirements.flatMap((requirement) =>
    requirement.kind === 'capstone' ? [] : requirement.courses,
  );
  const others = [...Object.keys(rules.equivalences), 'A9012020'];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...listed) },
    { weight: 1, arbitrary: fc.constantFrom(...others) },
  );
}

/** A random course result (mostly Certificates of Achievement of listed courses) before `maxDays`. */
export function achievementArb(rules: PathwayRules, maxDays = YEARS_OF_DAYS): fc.Arbitrary<Achievement> {
  return fc
    .record({
      course: courseArb(rules),
      isParticipation: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      revoked: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      hasStart: fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
      start: fc.integer({ min: 0, max: maxDays - 200 }),
      length: fc.integer({ min: 0, max: 200 }),
    })
    .map(({ course, isParticipation, revoked, hasStart, start, length }) => ({
      course,
      credential: isParticipation ? 'participation' : 'achievement',
      ...(hasStart ? { start: isoFromOffset(start) } : {}),
      completed: isoFromOffset(start + length),
      revoked,
    }));
}

/** One evaluation input. */
export interface Case {
  rules: PathwayRules;
  record: CandidateRecord;
  today: IsoDate;
}

/** A random rule set and record; `maxAchievements` keeps the brute force small. */
export function caseArb(
  rulesSets: PathwayRules[],
  maxAchievements = 6,
  withdrawn = false,
): fc.Arbitrary<Case> {
  return fc.constantFrom(...rulesSets).chain((rules) =>
    fc.record({
      rules: fc.constant(rules),
      today: dateArb(365, YEARS_OF_DAYS + 365),
      record: fc
        .record({
          status: withdrawn
            ? fc.constantFrom('active' as const, 'withdrawn' as const)
            : fc.constant('active' as const),
          achievements: fc.array(achievementArb(rules), { maxLength: maxAchievements, size: 'max' }),
          capstone: fc.option(
            fc.record({
              status: fc.constantFrom(
                'not-started' as const,
                'in-progress' as const,
                'passed' as const,
                'failed' as const,
              ),
              completed: dateArb(0, YEARS_OF_DAYS),
            }),
            { nil: undefined },
          ),
          extensions: fc.array(
            fc.record({ months: fc.integer({ min: 1, max: 18 }), reason: fc.constant('granted') }),
            {
              maxLength: 2,
            },
          ),
          enrolments: fc.array(
            fc.record({
              course: courseArb(rules),
              start: dateArb(0, YEARS_OF_DAYS),
              days: fc.integer({ min: 0, max: 90 }),
            }),
            { maxLength: 2 },
          ),
        })
        .map(({ enrolments, ...rest }) =>
          buildRecord({
            ...rest,
            enrolments: enrolments.map(({ course, start, days }) => ({
              course,
              start,
              end: isoFromOffset((Date.parse(start) - EPOCH) / DAY + days),
            })),
          }),
        ),
    }),
  );
}

/** What the reference compares: feasibility, requirements met, places filled, deadline. */
export interface Choice {
  isFeasible: boolean;
  met: number;
  places: number;
  deadline: IsoDate;
}

interface Candidate {
  code: string;
  start: IsoDate;
  completed: IsoDate;
  /** The course requirements (by position) that list its course. */
  options: number[];
}

interface Reference {
  rules: PathwayRules;
  components: Candidate[];
  passedOn: IsoDate | undefined;
  months: number;
  today: IsoDate;
}

/** The choice made by one assignment (`chosen[i]`: requirement position of component i, or -1). */
function scoreAssignment(reference: Reference, chosen: number[], withCapstone: boolean): Choice | null {
  const { rules, components, passedOn, months, today } = reference;
  const courseRequirements = rules.requirements.flatMap((item) => (item.kind === 'capstone' ? [] : [item]));
  const assigned = components.filter((_, index) => (chosen[index] ?? -1) >= 0);
  if (new Set(assigned.map((component) => component.code)).size !== assigned.length) return null;
  const needed = courseRequirements.map((item) =>
    item.kind === 'course' ? item.courses.length : item.count,
  );
  const have = courseRequirements.map((_, index) => chosen.filter((option) => option === index).length);
  const metIds = courseRequirements
    .filter((_, index) => (have[index] ?? 0) >= (needed[index] ?? 0))
    .map((r) => r.id);
  const capstone = rules.requirements.find((item) => item.kind === 'capstone');
  const isUnlocked = capstone?.kind === 'capstone' && capstone.after.every((id) => metIds.includes(id));
  if (withCapstone && !isUnlocked) return null;
  const extra = withCapstone && passedOn ? [passedOn] : [];
  const starts = [...assigned.map((component) => component.start), ...extra].sort();
  if (starts.length === 0) return null;
  const deadline = addMonths(starts[0]!, months);
  if ([...assigned.map((component) => component.completed), ...extra].some((end) => end > deadline))
    return null;
  const met = metIds.length + (withCapstone ? 1 : 0);
  const filled = have.reduce((sum, count, index) => sum + Math.min(count, needed[index] ?? 0), 0);
  const isFeasible = deadline >= today || met === rules.requirements.length;
  return { isFeasible, met, places: filled + (withCapstone ? 1 : 0), deadline };
}

/**
 * The reference: every way of assigning each countable achievement to no requirement or to one that
 * lists its course, with or without the capstone; the window starts at the earliest counted
 * component. Returns the best valid choice by (feasible, requirements met, places filled, deadline).
 */
export function bruteForceBest({ rules, record, today }: Case): Choice | null {
  const months =
    rules.window.years * 12 + record.extensions.reduce((sum, extension) => sum + extension.months, 0);
  const lists = rules.requirements.map((item) => (item.kind === 'capstone' ? [] : item.courses));
  const courseLists = lists.filter((_, index) => rules.requirements[index]?.kind !== 'capstone');
  const components = record.achievements
    .filter((achievement) => achievement.credential === 'achievement' && !achievement.revoked)
    .map((achievement) => {
      const code = countsAs(rules, achievement.course);
      const options = courseLists.flatMap((courses, index) => (courses.includes(code) ? [index] : []));
      return {
        code,
        start: achievement.start ?? achievement.completed,
        completed: achievement.completed,
        options,
      };
    })
    .filter((component) => component.options.length > 0);
  const passedOn = record.capstone?.status === 'passed' ? record.capstone.completed : undefined;
  const reference: Reference = { rules, components, passedOn, months, today };
  let best: Choice | null = null;
  const chosen: number[] = [];
  const enumerate = (index: number) => {
    if (index === components.length) {
      for (const choice of [
        scoreAssignment(reference, chosen, false),
        passedOn ? scoreAssignment(reference, chosen, true) : null,
      ]) {
        if (choice && (!best || isBetter(choice, best))) best = choice;
      }
      return;
    }
    for (const option of [-1, ...(components[index]?.options ?? [])]) {
      chosen[index] = option;
      enumerate(index + 1);
    }
  };
  enumerate(0);
  // No window of what was achieved can still be met, but one can still start (at registration, or
  // with a place held in a listed course): nothing counts any more, and there is no window yet.
  const listed = new Set(lists.flat());
  const freshStarts = [
    record.registeredOn,
    ...record.enrolments
      .filter((enrolment) => enrolment.end >= today && listed.has(countsAs(rules, enrolment.course)))
      .map((enrolment) => enrolment.start),
  ];
  const canRestart = freshStarts.some((start) => addMonths(start, months) >= today);
  if (best !== null && !(best as Choice).isFeasible && canRestart) return null;
  return best;
}

function isBetter(a: Choice, b: Choice): boolean {
  if (a.isFeasible !== b.isFeasible) return a.isFeasible;
  if (a.met !== b.met) return a.met > b.met;
  if (a.places !== b.places) return a.places > b.places;
  return a.deadline > b.deadline;
}

/** Days from the generators' epoch (2014-01-01) to a date. */
export function dayOffset(date: IsoDate): number {
  return Math.round((Date.parse(date) - EPOCH) / DAY);
}

/** The last date of a record (today for a record of the past). */
export function latestDate({ record }: Case): IsoDate {
  const dates = [
    ...record.achievements.map((achievement) => achievement.completed),
    ...(record.capstone?.completed ? [record.capstone.completed] : []),
    '2015-01-01',
  ];
  return dates.sort().at(-1)!;
}
