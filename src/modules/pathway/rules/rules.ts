/**
 * The requirement rules of a programme version: data, not code (DESIGN.md §3).
 * This shape is persisted with each rule version: change it only by adding optional fields.
 *
 * ```json
 * { "window": { "years": 5, "from": "first-counted-start" },
 *   "equivalences": { "ELMA": "LMA" },
 *   "requirements": [
 *     { "id": "academy", "kind": "course", "courses": ["LMA"] },
 *     { "id": "electives", "kind": "choose", "count": 3, "courses": ["FRP", "MALM", "SPMW"] },
 *     { "id": "capstone", "kind": "capstone", "after": ["academy", "electives"] } ],
 *   "courseHours": { "LMA": 80, "FRP": 60 }, "capstoneHours": 40, "totalHours": 300 }
 * ```
 *
 * - `window.from` has one value today, `first-counted-start` (optional, it is the default).
 * - `equivalences` maps a course code onto the code it counts as (a retired course, the e-Academy).
 *   One step only: a target may not itself be mapped. Requirements list the target codes.
 * - `course` needs every listed course (usually one); `choose` needs `count` distinct listed courses.
 *   A course listed in two requirements still counts for only one of them.
 * - `capstone` (at most one) is met when the record's capstone is passed, every requirement in `after`
 *   is met, and its completion date falls within the window.
 * - Learning hours (optional): `courseHours` by course code (the achieved code is looked up first,
 *   then the code it counts as; unknown codes count 0 hours), `capstoneHours`, and `totalHours`, the
 *   programme's announced total. Without `totalHours` the total is derived: every `course` course, the
 *   `count` shortest courses of each `choose`, and the capstone.
 * - Unknown fields are rejected, so that a typo in a rule cannot silently change who gets a diploma.
 */
import { z } from 'zod';

/** Most years a window may last. */
export const MAX_WINDOW_YEARS = 20;
/** Most requirements in one rule version (the engine tries every subset of them: keep it small). */
export const MAX_REQUIREMENTS = 10;
/** Most courses listed by one requirement. */
export const MAX_COURSES_PER_REQUIREMENT = 200;
/** Most learning hours one component may carry. */
export const MAX_COMPONENT_HOURS = 2000;
/** Most learning hours a whole programme may announce. */
export const MAX_TOTAL_HOURS = 20000;
/** Longest course code or requirement id. */
export const MAX_CODE_LENGTH = 40;

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A course code such as `LMA` or `A9012020`. */
export const courseCodeSchema = z
  .string()
  .max(MAX_CODE_LENGTH)
  .regex(CODE_PATTERN, { error: 'expected a course code (letters, digits, ".", "_" or "-")' });

const requirementIdSchema = z
  .string()
  .max(MAX_CODE_LENGTH)
  .regex(CODE_PATTERN, { error: 'expected a requirement id (letters, digits, ".", "_" or "-")' });

const hoursSchema = z.number().min(0).max(MAX_COMPONENT_HOURS);

const courseRequirementSchema = z.strictObject({
  id: requirementIdSchema,
  kind: z.literal('course'),
  courses: z.array(courseCodeSchema).min(1).max(MAX_COURSES_PER_REQUIREMENT),
});

const chooseRequirementSchema = z.strictObject({
  id: requirementIdSchema,
  kind: z.literal('choose'),
  count: z.number().int().min(1),
  courses: z.array(courseCodeSchema).min(1).max(MAX_COURSES_PER_REQUIREMENT),
});

const capstoneRequirementSchema = z.strictObject({
  id: requirementIdSchema,
  kind: z.literal('capstone'),
  after: z.array(requirementIdSchema).default([]),
});

const requirementSchema = z.discriminatedUnion(
  'kind',
  [courseRequirementSchema, chooseRequirementSchema, capstoneRequirementSchema],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? 'kind must be "course", "choose" or "capstone"' : undefined,
  },
);

const baseRulesSchema = z.strictObject({
  window: z.strictObject({
    years: z.number().int().min(1).max(MAX_WINDOW_YEARS),
    from: z.literal('first-counted-start').default('first-counted-start'),
  }),
  equivalences: z.record(courseCodeSchema, courseCodeSchema).default({}),
  requirements: z.array(requirementSchema).min(1).max(MAX_REQUIREMENTS),
  courseHours: z.record(courseCodeSchema, hoursSchema).default({}),
  capstoneHours: hoursSchema.default(0),
  totalHours: z.number().min(0).max(MAX_TOTAL_HOURS).optional(),
});

type Issue = { message: string; path: (string | number)[] };

/** Cross-field checks: unique ids, resolvable `after`, sensible counts and equivalences. */
function findRuleIssues(rules: z.output<typeof baseRulesSchema>): Issue[] {
  const issues: Issue[] = [];
  const ids = new Set<string>();
  let capstones = 0;
  rules.requirements.forEach((requirement, index) => {
    if (ids.has(requirement.id)) {
      issues.push({
        message: `duplicate requirement id "${requirement.id}"`,
        path: ['requirements', index, 'id'],
      });
    }
    ids.add(requirement.id);
    if (requirement.kind === 'capstone' && ++capstones > 1) {
      issues.push({
        message: 'only one capstone requirement is allowed',
        path: ['requirements', index, 'kind'],
      });
    }
  });
  rules.requirements.forEach((requirement, index) => {
    const path = ['requirements', index];
    if (requirement.kind === 'capstone')
      issues.push(...checkAfter(requirement.after, requirement.id, ids, path));
    else issues.push(...checkCourses(requirement, rules.equivalences, path));
  });
  for (const [from, to] of Object.entries(rules.equivalences)) {
    if (from === to)
      issues.push({ message: `"${from}" is mapped onto itself`, path: ['equivalences', from] });
    else if (to in rules.equivalences) {
      issues.push({
        message: `"${from}" maps onto "${to}", which is itself mapped onto "${rules.equivalences[to]}": map "${from}" directly onto the final code`,
        path: ['equivalences', from],
      });
    }
  }
  return issues;
}

function checkAfter(after: string[], ownId: string, ids: Set<string>, path: (string | number)[]): Issue[] {
  const issues: Issue[] = [];
  after.forEach((id, position) => {
    const where = [...path, 'after', position];
    if (id === ownId) issues.push({ message: 'the capstone cannot come after itself', path: where });
    else if (!ids.has(id)) issues.push({ message: `no requirement has the id "${id}"`, path: where });
    else if (after.indexOf(id) !== position) issues.push({ message: `"${id}" is listed twice`, path: where });
  });
  return issues;
}

function checkCourses(
  requirement: { kind: 'course' | 'choose'; courses: string[]; count?: number },
  equivalences: Record<string, string>,
  path: (string | number)[],
): Issue[] {
  const issues: Issue[] = [];
  requirement.courses.forEach((code, position) => {
    const where = [...path, 'courses', position];
    if (requirement.courses.indexOf(code) !== position)
      issues.push({ message: `"${code}" is listed twice`, path: where });
    const target = equivalences[code];
    if (target !== undefined) {
      issues.push({
        message: `"${code}" counts as "${target}" (equivalences): list "${target}" instead`,
        path: where,
      });
    }
  });
  const count = requirement.count ?? 0;
  if (requirement.kind === 'choose' && count > requirement.courses.length) {
    issues.push({
      message: `count is ${count} but only ${requirement.courses.length} courses are listed`,
      path: [...path, 'count'],
    });
  }
  return issues;
}

/** The zod schema of a rule version (shape and cross-field checks). */
export const pathwayRulesSchema = baseRulesSchema.superRefine((rules, context) => {
  for (const issue of findRuleIssues(rules)) context.addIssue({ code: 'custom', ...issue });
});

/** A validated rule version, with defaults filled in. */
export type PathwayRules = z.output<typeof pathwayRulesSchema>;
/** A rule version as written (before defaults). */
export type PathwayRulesInput = z.input<typeof pathwayRulesSchema>;
/** One requirement of a rule version. */
export type Requirement = PathwayRules['requirements'][number];
/** A requirement that is met by courses. */
export type CourseRequirement = Extract<Requirement, { kind: 'course' | 'choose' }>;
/** The capstone requirement. */
export type CapstoneRequirement = Extract<Requirement, { kind: 'capstone' }>;

/** The code a course counts as, after equivalences. */
export function countsAs(rules: PathwayRules, course: string): string {
  return rules.equivalences[course] ?? course;
}
