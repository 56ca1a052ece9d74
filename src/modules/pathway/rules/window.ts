/**
 * Choosing the window. A window starts at the start of its earliest counted component (an
 * achievement's edition start, else its completion; the capstone's completion) and ends `years`
 * plus the granted extension months later (the deadline, end-of-month clamped once). A component
 * falls within it when start ≥ window start and completion ≤ deadline.
 *
 * Every component's start is a candidate window start. For each, the components that fit are
 * counted (`assignCourses`). A window is *feasible* when its deadline is today or later, or when it
 * already meets every requirement: a window that closed with requirements missing can no longer lead
 * to a diploma. The choice is, in order:
 *   1. feasible;
 *   2. most requirements met (the capstone included);
 *   3. most places filled (courses counted, capped by what each requirement needs): an achievement
 *      that can count is not dropped to gain time, only one that cannot count with the others (too
 *      old) or is not needed (a fourth elective). Without this step, a candidate with electives from
 *      2020 and 2021 and nothing else would see the 2020 one dropped, for a later deadline;
 *   4. latest deadline (the most time left); 5. latest start;
 *   6. inside `assignCourses`, the subset of requirements that favours earlier requirements.
 * When no window is feasible the candidate has expired and the best closed window is reported.
 * A window in which nothing counts is no window: while nothing counts there is no deadline.
 *
 * Why the candidate starts suffice: any set of counted components starts at one of them, and a
 * window starting there admits them all. Why the chosen window really starts with a counted
 * component: otherwise the start of its earliest counted component would meet as many requirements
 * and fill as many places, with a deadline at least as late and a later start, and would win.
 */
import {
  type Assignment,
  assignCourses,
  boundAssignment,
  type CompiledRules,
  type Component,
} from './assignment.js';
import { addMonths, type IsoDate } from './dates.js';
import type { CandidateRecord } from './record.js';
import { countsAs, type PathwayRules } from './rules.js';

/** The window chosen for a candidate, with what counts in it. */
export interface WindowChoice {
  start: IsoDate;
  deadline: IsoDate;
  isFeasible: boolean;
  assignment: Assignment;
  /** The component counted for each course code available in the window (one per code). */
  representatives: Map<string, Component>;
}

/** What the window choice needs to know about a record. */
export interface WindowInput {
  compiled: CompiledRules;
  /** Sorted by start, then completion, then course. */
  components: Component[];
  capstonePassedOn: IsoDate | null;
  windowMonths: number;
}

/** The deadline of a window starting on `start`. */
export function deadlineOf(start: IsoDate, windowMonths: number): IsoDate {
  return addMonths(start, windowMonths);
}

/** A window being considered: the choice without its representatives' map (built for the winner only). */
interface Candidate {
  start: IsoDate;
  deadline: IsoDate;
  isFeasible: boolean;
  assignment: Assignment;
  /** One component per course code in the window, in order of preference. */
  preferred: Component[];
}

/** The record's components with each one's course code numbered (0…codes-1), computed once per record. */
interface Numbered {
  components: Component[];
  codeIndex: number[];
  codes: number;
}

function numberCodes(components: Component[]): Numbered {
  const numbers = new Map<string, number>();
  const codeIndex = components.map((component) => {
    let n = numbers.get(component.code);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(component.code, n);
    }
    return n;
  });
  return { components, codeIndex, codes: numbers.size };
}

/** Most recent first (they stay countable longest), then by course code. */
function byPreference(a: Component, b: Component): number {
  if (a.start !== b.start) return a.start > b.start ? -1 : 1;
  if (a.completed !== b.completed) return a.completed > b.completed ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * The one component per course code that counts in a window (the latest start, then the latest
 * completion; the first of equals in the record's order), most recent first.
 */
function representativesIn(numbered: Numbered, start: IsoDate, deadline: IsoDate): Component[] {
  const chosen: (Component | undefined)[] = new Array(numbered.codes);
  const { components, codeIndex } = numbered;
  for (let i = 0; i < components.length; i++) {
    const component = components[i]!;
    if (component.start < start || component.completed > deadline) continue;
    const n = codeIndex[i]!;
    const current = chosen[n];
    const isLater =
      current === undefined ||
      component.start > current.start ||
      (component.start === current.start && component.completed > current.completed);
    if (isLater) chosen[n] = component;
  }
  const preferred: Component[] = [];
  for (const component of chosen) if (component !== undefined) preferred.push(component);
  return preferred.length > 1 ? preferred.sort(byPreference) : preferred;
}

function codesOf(preferred: Component[]): string[] {
  const codes = new Array<string>(preferred.length);
  for (let i = 0; i < preferred.length; i++) codes[i] = preferred[i]!.code;
  return codes;
}

function evaluateWindow(
  input: WindowInput,
  numbered: Numbered,
  start: IsoDate,
  today: IsoDate,
  best: Candidate | null,
): Candidate | null {
  const deadline = deadlineOf(start, input.windowMonths);
  const preferred = representativesIn(numbered, start, deadline);
  const passedOn = input.capstonePassedOn;
  const capstonePossible = passedOn !== null && passedOn >= start && passedOn <= deadline;
  const codes = codesOf(preferred);
  const { requirementCount } = input.compiled;
  if (best) {
    // Starts come latest first, so this window can only win by a strictly better count.
    const bound = boundAssignment(input.compiled, codes, capstonePossible);
    const couldBeFeasible = deadline >= today || bound.score === requirementCount;
    if (!isAhead(couldBeFeasible, bound.score, bound.places, best)) return null;
  }
  const assignment = assignCourses(input.compiled, codes, capstonePossible);
  const isFeasible = deadline >= today || assignment.score === requirementCount;
  return { start, deadline, isFeasible, assignment, preferred };
}

/** Whether (feasible, score, places) is strictly ahead of a candidate's. */
function isAhead(isFeasible: boolean, score: number, places: number, choice: Candidate): boolean {
  if (isFeasible !== choice.isFeasible) return isFeasible;
  if (score !== choice.assignment.score) return score > choice.assignment.score;
  return places > choice.assignment.places;
}

/** Whether window `a` is a better choice than window `b` (see the file comment for the order). */
function isBetter(a: Candidate, b: Candidate): boolean {
  if (a.isFeasible !== b.isFeasible) return a.isFeasible;
  if (a.assignment.score !== b.assignment.score) return a.assignment.score > b.assignment.score;
  if (a.assignment.places !== b.assignment.places) return a.assignment.places > b.assignment.places;
  if (a.deadline !== b.deadline) return a.deadline > b.deadline;
  return a.start > b.start;
}

/** The candidate window starts, earliest first: every component's start and a passed capstone's completion. */
export function candidateStarts(input: WindowInput): IsoDate[] {
  const starts: IsoDate[] = [];
  for (const component of input.components) {
    // Sorted by start: equal starts are neighbours.
    if (starts[starts.length - 1] !== component.start) starts.push(component.start);
  }
  const passedOn = input.capstonePassedOn;
  if (passedOn !== null && !starts.includes(passedOn)) {
    let at = starts.length;
    while (at > 0 && starts[at - 1]! > passedOn) at--;
    starts.splice(at, 0, passedOn);
  }
  return starts;
}

/** Whether anything counts in a window (a passed capstone alone counts only once unlocked). */
function countsAnything(choice: Candidate): boolean {
  return choice.assignment.capstoneMet || choice.assignment.countedCodes.some((codes) => codes.length > 0);
}

/** Chooses the window (null when nothing counts in any window). */
export function chooseWindow(input: WindowInput, today: IsoDate): WindowChoice | null {
  const starts = candidateStarts(input);
  if (starts.length === 0) return null;
  const numbered = numberCodes(input.components);
  let best: Candidate | null = null;
  for (let i = starts.length - 1; i >= 0; i--) {
    const choice = evaluateWindow(input, numbered, starts[i]!, today, best);
    if (choice && countsAnything(choice) && (!best || isBetter(choice, best))) best = choice;
  }
  if (!best) return null;
  const representatives = new Map<string, Component>();
  for (const component of best.preferred) representatives.set(component.code, component);
  const { start, deadline, isFeasible, assignment } = best;
  return { start, deadline, isFeasible, assignment, representatives };
}

/**
 * Whether a window that nothing counts in yet can still be completed: one starting at registration,
 * or with the next component, an enrolment (a confirmed place) not yet ended in a course the rules
 * list, whose deadline is today or later. Such a candidate is never expired: what was achieved in
 * windows that closed simply stops counting.
 */
export function hasFreshStart(
  rules: PathwayRules,
  listed: ReadonlySet<string>,
  record: CandidateRecord,
  windowMonths: number,
  today: IsoDate,
): boolean {
  if (deadlineOf(record.registeredOn, windowMonths) >= today) return true;
  return record.enrolments.some(
    (enrolment) =>
      enrolment.end >= today &&
      listed.has(countsAs(rules, enrolment.course)) &&
      deadlineOf(enrolment.start, windowMonths) >= today,
  );
}
