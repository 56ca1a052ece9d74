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
  CountedComponent,
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
import { chooseWindow, deadlineOf, hasFreshStart, type WindowChoice } from './window.js';

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

/** What is derived from a rule version alone, once: a rule version is evaluated for many candidates. */
interface PreparedRules {
  compiled: CompiledRules;
  /** Every course code a course requirement lists. */
  listed: Set<string>;
  totalHours: number;
}

const preparedCache = new WeakMap<PathwayRules, PreparedRules>();

function prepare(rules: PathwayRules): PreparedRules {
  let prepared = preparedCache.get(rules);
  if (!prepared) {
    const listed = new Set(
      rules.requirements.flatMap((requirement) =>
        requirement.kind === 'capstone' ? [] : requirement.courses,
      ),
    );
    prepared = { compiled: compileRules(rules), listed, totalHours: totalHours(rules) };
    preparedCache.set(rules, prepared);
  }
  return prepared;
}

/** The last `today` found valid (bulk evaluation checks the same day for every candidate). */
let validToday: IsoDate | null = null;

interface Classified {
  components: Component[];
  rejected: UncountedAchievement[];
}

/** Splits the achievements into those that may count and those that never do. */
function classifyAchievements(rules: PathwayRules, listed: Set<string>, record: CandidateRecord): Classified {
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

/** What places the record's components: the chosen window, what counts in it, the window's length. */
interface Placing {
  choice: WindowChoice | null;
  /** The codes counted anywhere. */
  counted: ReadonlySet<string>;
  windowMonths: number;
  today: IsoDate;
}

/** Why a component that may count does not count in the chosen window. */
function placeComponents(
  components: Component[],
  { choice, counted, windowMonths, today }: Placing,
  uncounted: UncountedAchievement[],
): UncountedAchievement[] {
  for (const component of components) {
    if (counted.has(component.code) && choice?.representatives.get(component.code) === component) continue;
    const inWindow =
      choice !== null && component.start >= choice.start && component.completed <= choice.deadline;
    // Every window that could hold it closed before today: it no longer counts, whatever comes next.
    const isTooOld = deadlineOf(component.start, windowMonths) < today;
    const reason = counted.has(component.code)
      ? 'duplicate'
      : inWindow
        ? 'surplus'
        : isTooOld
          ? 'no-longer-counts'
          : 'outside-window';
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
  const courses: string[] = [];
  for (const enrolment of context.record.enrolments) {
    if (enrolment.end < context.today || courses.includes(enrolment.course)) continue;
    const code = countsAs(context.rules, enrolment.course);
    if (wanted.includes(code) && !context.countedAnywhere.has(code)) courses.push(enrolment.course);
  }
  return courses.length > 1 ? courses.sort() : courses;
}

/** Chronological order of counted components, then by course code. */
function byStartThenCourseCounted(a: CountedComponent, b: CountedComponent): number {
  const byCourse = a.course < b.course ? -1 : a.course > b.course ? 1 : 0;
  return compareDates(a.start, b.start) || compareDates(a.completed, b.completed) || byCourse;
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
  const components: CountedComponent[] = [];
  for (const code of codes) {
    const component = choice?.representatives.get(code);
    if (!component) continue;
    const { course, start, completed } = component;
    components.push({ course, countsAs: code, start, completed, hours: hoursOf(rules, course, code) });
  }
  if (components.length > 1) components.sort(byStartThenCourseCounted);
  const needed = requirement.kind === 'course' ? requirement.courses.length : requirement.count;
  const isMet = codes.length >= needed;
  const missingCourses =
    requirement.kind === 'course' ? requirement.courses.filter((c) => !codes.includes(c)) : [];
  const wanted = requirement.kind === 'course' ? missingCourses : requirement.courses;
  const enrolled = isMet || context.record.enrolments.length === 0 ? [] : enrolledFor(context, wanted);
  const counted = new Array<string>(components.length);
  for (let i = 0; i < components.length; i++) counted[i] = components[i]!.course;
  return {
    id: requirement.id,
    kind: requirement.kind,
    status: isMet ? 'met' : enrolled.length > 0 ? 'in-progress' : 'missing',
    needed,
    have: codes.length,
    counted,
    components,
    missingCourses,
    enrolled,
  };
}

function evaluateRequirements(compiled: CompiledRules, context: RequirementContext): RequirementEvaluation[] {
  const countedCodes = context.choice?.assignment.countedCodes;
  const results: RequirementEvaluation[] = [];
  for (let position = 0; position < compiled.courseRequirements.length; position++) {
    const { requirement } = compiled.courseRequirements[position]!;
    results.push(evaluateCourseRequirement(requirement, countedCodes?.[position] ?? [], context));
  }
  if (compiled.capstone) {
    const metIds = new Set<string>();
    for (const result of results) if (result.status === 'met') metIds.add(result.id);
    const capstone = evaluateCapstone(compiled.capstone.requirement, context.record, context.choice, metIds);
    results.splice(compiled.capstone.index, 0, capstone);
  }
  return results;
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

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** By completion, course, reason (the order of the text `completed course reason`: codes have no spaces). */
function sortUncounted(items: UncountedAchievement[]): UncountedAchievement[] {
  if (items.length < 2) return items;
  return items.sort(
    (a, b) =>
      compareText(a.completed, b.completed) ||
      compareText(a.course, b.course) ||
      compareText(a.reason, b.reason),
  );
}

/** Evaluates a candidate's record against a rule version on the day `today` (pure). */
export function evaluatePathway(
  rules: PathwayRules,
  record: CandidateRecord,
  today: IsoDate,
  options: EvaluateOptions = {},
): PathwayEvaluation {
  if (today !== validToday) {
    if (!isIsoDate(today))
      throw new RangeError(`today must be a date YYYY-MM-DD, got ${JSON.stringify(today)}`);
    validToday = today;
  }
  let extensionsMonths = 0;
  for (const extension of record.extensions) extensionsMonths += extension.months;
  const windowMonths = rules.window.years * MONTHS_PER_YEAR + extensionsMonths;
  const { compiled, listed, totalHours } = prepare(rules);
  const { components, rejected } = classifyAchievements(rules, listed, record);
  if (components.length > 1) components.sort(byStartThenCourse);
  const capstonePassedOn = record.capstone?.status === 'passed' ? (record.capstone.completed ?? null) : null;
  const chosen = chooseWindow({ compiled, components, capstonePassedOn, windowMonths }, today);
  // Every window of what was achieved closed, but a window can still start (at registration, or with
  // a place the candidate holds): the old achievements stop counting instead of expiring the candidate.
  const isRestarting =
    chosen !== null && !chosen.isFeasible && hasFreshStart(rules, listed, record, windowMonths, today);
  const choice = isRestarting ? null : chosen;
  const countedAnywhere = new Set<string>();
  if (choice)
    for (const codes of choice.assignment.countedCodes) for (const code of codes) countedAnywhere.add(code);
  const requirements = evaluateRequirements(compiled, { rules, record, choice, countedAnywhere, today });
  const status = statusOf(record, requirements, choice);
  const capstone = requirements.find((requirement) => requirement.kind === 'capstone');
  const isUnlockable = status === 'active' || status === 'completed';
  const capstoneUnlocked = isUnlockable && capstone?.kind === 'capstone' && capstone.waitingFor.length === 0;
  const placing = { choice, counted: countedAnywhere, windowMonths, today };
  const uncounted = sortUncounted(placeComponents(components, placing, rejected));
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
    hours: { counted: countedHours(rules, requirements), total: totalHours },
    atRisk,
    reasons,
    explanation: options.explain === false ? '' : explainReasons(reasons, options.lang ?? 'en'),
  };
}
