/**
 * `evaluatePathway(rules, record, today)`: a candidate's standing, derived from the facts and never
 * stored as truth (DESIGN.md §3). Pure: `today` is a parameter, nothing is read from the clock.
 * Only Certificates of Achievement that are not revoked count; the window is chosen in window.ts,
 * courses are counted in assignment.ts, risks in at-risk.ts, the reasons in reasons.ts.
 */
import { type CompiledRules, type Component, compileRules } from './assignment.js';
import { findRisks } from './at-risk.js';
import { compareDates, type IsoDate, isIsoDate } from './dates.js';
import type {
  CapstoneRequirementEvaluation,
  CourseRequirementEvaluation,
  ExplanationLanguage,
  PathwayEvaluation,
  PathwayStatus,
  RequirementEvaluation,
  UncountedAchievement,
} from './evaluation.js';
import { explainReasons } from './explain.js';
import { buildReasons } from './reasons.js';
import type { CandidateRecord } from './record.js';
import { type CourseRequirement, countsAs, type PathwayRules } from './rules.js';
import { chooseWindow, type WindowChoice } from './window.js';

const MONTHS_PER_YEAR = 12;

/** Chronological order of components, then by course code (a deterministic total order). */
function byStartThenCourse(a: Component, b: Component): number {
  const byCourse = a.course < b.course ? -1 : a.course > b.course ? 1 : 0;
  return compareDates(a.start, b.start) || compareDates(a.completed, b.completed) || byCourse;
}

/** Options of an evaluation. */
export interface EvaluateOptions {
  /** The language of `explanation` (default English). */
  lang?: ExplanationLanguage;
  /** False to leave `explanation` empty (bulk re-evaluation, where only the reasons are kept). */
  explain?: boolean;
}

/** Compiled rules per rules object: a rule version is evaluated for many candidates in a row. */
const compiledCache = new WeakMap<PathwayRules, ReturnType<typeof compileRules>>();

interface Classified {
  components: Component[];
  rejected: UncountedAchievement[];
}

/** Splits the achievements into those that may count and those that never do. */
function classifyAchievements(rules: PathwayRules, record: CandidateRecord): Classified {
  const listed = new Set(
    rules.requirements.flatMap((requirement) => (requirement.kind === 'capstone' ? [] : requirement.courses)),
  );
  const components: Component[] = [];
  const rejected: UncountedAchievement[] = [];
  for (const achievement of record.achievements) {
    const code = countsAs(rules, achievement.course);
    const reason = achievement.revoked
      ? 'revoked'
      : achievement.credential !== 'achievement'
        ? 'participation'
        : listed.has(code)
          ? null
          : 'not-in-programme';
    const { course, completed } = achievement;
    if (reason) rejected.push({ course, countsAs: code, completed, reason });
    else components.push({ course, code, start: achievement.start ?? completed, completed });
  }
  return { components, rejected };
}

/** Why a component that may count does not count in the chosen window. */
function placeComponents(components: Component[], choice: WindowChoice | null): UncountedAchievement[] {
  const counted = new Set(choice?.assignment.countedCodes.flat() ?? []);
  const uncounted: UncountedAchievement[] = [];
  for (const component of components) {
    if (counted.has(component.code) && choice?.representatives.get(component.code) === component) continue;
    const inWindow =
      choice !== null && component.start >= choice.start && component.completed <= choice.deadline;
    const reason = counted.has(component.code) ? 'duplicate' : inWindow ? 'surplus' : 'outside-window';
    uncounted.push({
      course: component.course,
      countsAs: component.code,
      completed: component.completed,
      reason,
    });
  }
  return uncounted;
}

function hoursOf(rules: PathwayRules, course: string, code: string): number {
  return rules.courseHours[course] ?? rules.courseHours[code] ?? 0;
}

/** The programme's total hours: announced, else every compulsory course, the shortest choices, the capstone. */
function totalHours(rules: PathwayRules): number {
  if (rules.totalHours !== undefined) return rules.totalHours;
  let total = 0;
  for (const requirement of rules.requirements) {
    if (requirement.kind === 'capstone') total += rules.capstoneHours;
    else {
      const hours = requirement.courses.map((code) => hoursOf(rules, code, code)).sort((a, b) => a - b);
      const taken = requirement.kind === 'course' ? hours.length : requirement.count;
      total += hours.slice(0, taken).reduce((sum, value) => sum + value, 0);
    }
  }
  return total;
}

/** The learning hours of the counted components, the capstone included. */
function countedHours(rules: PathwayRules, requirements: RequirementEvaluation[]): number {
  let hours = 0;
  for (const requirement of requirements) {
    if (requirement.kind === 'capstone') hours += requirement.have * rules.capstoneHours;
    else for (const component of requirement.components) hours += component.hours;
  }
  return hours;
}

/** Courses of running or upcoming enrolments (end ≥ today) that would fill a missing place. */
function enrolledFor(context: RequirementContext, wanted: string[]): string[] {
  const courses = context.record.enrolments
    .filter((enrolment) => enrolment.end >= context.today)
    .filter((enrolment) => {
      const code = countsAs(context.rules, enrolment.course);
      return wanted.includes(code) && !context.countedAnywhere.has(code);
    })
    .map((enrolment) => enrolment.course);
  return [...new Set(courses)].sort();
}

interface RequirementContext {
  rules: PathwayRules;
  record: CandidateRecord;
  choice: WindowChoice | null;
  countedAnywhere: Set<string>;
  today: IsoDate;
}

function evaluateCourseRequirement(
  requirement: CourseRequirement,
  codes: string[],
  context: RequirementContext,
): CourseRequirementEvaluation {
  const { rules, choice } = context;
  const components = codes
    .flatMap((code) => {
      const component = choice?.representatives.get(code);
      return component ? [{ ...component, hours: hoursOf(rules, component.course, code) }] : [];
    })
    .sort(byStartThenCourse);
  const needed = requirement.kind === 'course' ? requirement.courses.length : requirement.count;
  const isMet = codes.length >= needed;
  const missingCourses =
    requirement.kind === 'course' ? requirement.courses.filter((c) => !codes.includes(c)) : [];
  const wanted = requirement.kind === 'course' ? missingCourses : requirement.courses;
  const enrolled = isMet ? [] : enrolledFor(context, wanted);
  return {
    id: requirement.id,
    kind: requirement.kind,
    status: isMet ? 'met' : enrolled.length > 0 ? 'in-progress' : 'missing',
    needed,
    have: codes.length,
    counted: components.map((component) => component.course),
    components: stripCode(components),
    missingCourses,
    enrolled,
  };
}

function evaluateRequirements(
  compiled: CompiledRules,
  rules: PathwayRules,
  record: CandidateRecord,
  choice: WindowChoice | null,
  today: IsoDate,
): RequirementEvaluation[] {
  const countedCodes = choice?.assignment.countedCodes ?? compiled.courseRequirements.map(() => []);
  const context = { rules, record, choice, countedAnywhere: new Set(countedCodes.flat()), today };
  const results: RequirementEvaluation[] = compiled.courseRequirements.map((entry, position) =>
    evaluateCourseRequirement(entry.requirement, countedCodes[position] ?? [], context),
  );
  if (compiled.capstone) {
    const metIds = new Set(results.filter((result) => result.status === 'met').map((result) => result.id));
    const capstone = evaluateCapstone(compiled.capstone.requirement, record, choice, metIds);
    results.splice(compiled.capstone.index, 0, capstone);
  }
  return results;
}

function stripCode(components: (Component & { hours: number })[]): CourseRequirementEvaluation['components'] {
  return components.map(({ course, code, start, completed, hours }) => ({
    course,
    countsAs: code,
    start,
    completed,
    hours,
  }));
}

function evaluateCapstone(
  requirement: { id: string; after: string[] },
  record: CandidateRecord,
  choice: WindowChoice | null,
  metIds: Set<string>,
): CapstoneRequirementEvaluation {
  const isMet = choice?.assignment.capstoneMet ?? false;
  const capstoneStatus = record.capstone?.status ?? 'not-started';
  const status = isMet ? 'met' : capstoneStatus === 'in-progress' ? 'in-progress' : 'missing';
  return {
    id: requirement.id,
    kind: 'capstone',
    status,
    needed: 1,
    have: isMet ? 1 : 0,
    counted: [],
    after: requirement.after,
    waitingFor: requirement.after.filter((id) => !metIds.has(id)),
    capstoneStatus,
    completed: record.capstone?.completed ?? null,
  };
}

function statusOf(
  record: CandidateRecord,
  requirements: RequirementEvaluation[],
  choice: WindowChoice | null,
): PathwayStatus {
  if (record.status === 'withdrawn') return 'withdrawn';
  if (requirements.every((requirement) => requirement.status === 'met')) return 'completed';
  return choice && !choice.isFeasible ? 'expired' : 'active';
}

function sortUncounted(items: UncountedAchievement[]): UncountedAchievement[] {
  const keyed = items.map((item) => ({ key: `${item.completed} ${item.course} ${item.reason}`, item }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ item }) => item);
}

/** Evaluates a candidate's record against a rule version on the day `today` (pure). */
export function evaluatePathway(
  rules: PathwayRules,
  record: CandidateRecord,
  today: IsoDate,
  options: EvaluateOptions = {},
): PathwayEvaluation {
  if (!isIsoDate(today))
    throw new RangeError(`today must be a date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const extensionsMonths = record.extensions.reduce((sum, extension) => sum + extension.months, 0);
  const windowMonths = rules.window.years * MONTHS_PER_YEAR + extensionsMonths;
  const { components, rejected } = classifyAchievements(rules, record);
  const sorted = [...components].sort(byStartThenCourse);
  const capstonePassedOn = record.capstone?.status === 'passed' ? (record.capstone.completed ?? null) : null;
  let compiled = compiledCache.get(rules);
  if (!compiled) {
    compiled = compileRules(rules);
    compiledCache.set(rules, compiled);
  }
  const choice = chooseWindow({ compiled, components: sorted, capstonePassedOn, windowMonths }, today);
  const requirements = evaluateRequirements(compiled, rules, record, choice, today);
  const status = statusOf(record, requirements, choice);
  const capstone = requirements.find((requirement) => requirement.kind === 'capstone');
  const isUnlockable = status === 'active' || status === 'completed';
  const capstoneUnlocked = isUnlockable && capstone?.kind === 'capstone' && capstone.waitingFor.length === 0;
  const uncounted = sortUncounted([...rejected, ...placeComponents(sorted, choice)]);
  const window = {
    start: choice?.start ?? null,
    deadline: choice?.deadline ?? null,
    years: rules.window.years,
  };
  const atRisk = status === 'active' ? findRisks({ requirements, record, window, windowMonths, today }) : [];
  const reasons = buildReasons({
    status,
    requirements,
    uncounted,
    window,
    atRisk,
    extensionsMonths,
    record,
    today,
  });
  return {
    status,
    awardable: status === 'completed',
    capstoneUnlocked: capstoneUnlocked === true,
    window,
    extensionsMonths,
    requirements,
    uncounted,
    hours: { counted: countedHours(rules, requirements), total: totalHours(rules) },
    atRisk,
    reasons,
    explanation: options.explain === false ? '' : explainReasons(reasons, options.lang ?? 'en'),
  };
}
