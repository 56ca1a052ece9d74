/**
 * Test support for the pathway tests (imported by *.test.ts only): the demo programme's rules and
 * small builders for records, so every test states only the facts it is about.
 */
import { addMonths } from './dates.js';
import { evaluatePathway } from './evaluate.js';
import type { CourseRequirementEvaluation, PathwayEvaluation, RequirementEvaluation } from './evaluation.js';
import type { Achievement, CandidateRecord, CandidateRecordInput } from './record.js';
import { candidateRecordSchema } from './record.js';
import { type PathwayRules, type PathwayRulesInput, pathwayRulesSchema } from './rules.js';

/** The diploma's rules as in the issue, with the demo programme's hours. */
export const DIPLOMA_RULES_INPUT: PathwayRulesInput = {
  window: { years: 5, from: 'first-counted-start' },
  equivalences: { ELMA: 'LMA' },
  requirements: [
    { id: 'academy', kind: 'course', courses: ['LMA'] },
    { id: 'electives', kind: 'choose', count: 3, courses: ['FRP', 'MALM', 'SPMW', 'PRM', 'LMGE', 'BLA'] },
    { id: 'capstone', kind: 'capstone', after: ['academy', 'electives'] },
  ],
  courseHours: { LMA: 80, FRP: 60, MALM: 60, SPMW: 60, PRM: 60, LMGE: 60, BLA: 60 },
  capstoneHours: 40,
  totalHours: 300,
};

/** The parsed diploma rules. */
export const DIPLOMA_RULES: PathwayRules = pathwayRulesSchema.parse(DIPLOMA_RULES_INPUT);

/** A Certificate of Achievement; `completed` defaults to a month after `start`. */
export function passed(course: string, start: string, completed = addMonths(start, 1)): Achievement {
  return { course, credential: 'achievement', start, completed, revoked: false };
}

/** A Certificate of Participation (never counts). */
export function participated(course: string, start: string, completed = addMonths(start, 1)): Achievement {
  return { course, credential: 'participation', start, completed, revoked: false };
}

/** A parsed candidate record; every field has a neutral default. */
export function buildRecord(overrides: Partial<CandidateRecordInput> = {}): CandidateRecord {
  return candidateRecordSchema.parse({
    registeredOn: '2015-01-01',
    status: 'active',
    achievements: [],
    ...overrides,
  });
}

/** Evaluates a record built from `overrides` on `today` (English explanation). */
export function evaluateRecord(
  overrides: Partial<CandidateRecordInput>,
  today: string,
  rules = DIPLOMA_RULES,
) {
  return evaluatePathway(rules, buildRecord(overrides), today);
}

/** A requirement of an evaluation, by id. */
export function requirementOf(evaluation: PathwayEvaluation, id: string): RequirementEvaluation {
  const found = evaluation.requirements.find((item) => item.id === id);
  if (!found) throw new Error(`no requirement ${id}`);
  return found;
}

/** A course or choose requirement of an evaluation, by id. */
export function coursesOf(evaluation: PathwayEvaluation, id: string): CourseRequirementEvaluation {
  const found = requirementOf(evaluation, id);
  if (found.kind === 'capstone') throw new Error(`${id} is the capstone`);
  return found;
}

/** The Academy, June 2020. */
export const ACADEMY_2020 = passed('LMA', '2020-06-01', '2020-06-15');
/** Three electives, 2020 to 2022. */
export const THREE_ELECTIVES = [
  passed('FRP', '2020-09-07', '2020-10-16'),
  passed('MALM', '2021-10-26', '2021-12-04'),
  passed('SPMW', '2022-10-20', '2022-11-28'),
];
