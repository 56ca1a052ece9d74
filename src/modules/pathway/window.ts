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
import { addMonths, compareDates, type IsoDate } from './dates.js';

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
  components: Component[];
  capstonePassedOn: IsoDate | null;
  windowMonths: number;
}

/** The deadline of a window starting on `start`. */
export function deadlineOf(start: IsoDate, windowMonths: number): IsoDate {
  return addMonths(start, windowMonths);
}

/** The one component per course code that counts in a window: the latest start, then latest completion. */
function representativesIn(
  components: Component[],
  start: IsoDate,
  deadline: IsoDate,
): Map<string, Component> {
  const chosen = new Map<string, Component>();
  for (const component of components) {
    if (component.start < start || component.completed > deadline) continue;
    const current = chosen.get(component.code);
    const isLater =
      !current ||
      component.start > current.start ||
      (component.start === current.start && component.completed > current.completed);
    if (isLater) chosen.set(component.code, component);
  }
  return chosen;
}

/** Course codes in order of preference: the most recent first (they stay countable longest). */
function preferredCodes(representatives: Map<string, Component>): string[] {
  return [...representatives.values()]
    .sort(
      (a, b) =>
        compareDates(b.start, a.start) ||
        compareDates(b.completed, a.completed) ||
        (a.code < b.code ? -1 : 1),
    )
    .map((component) => component.code);
}

function evaluateWindow(
  input: WindowInput,
  start: IsoDate,
  today: IsoDate,
  best: WindowChoice | null,
): WindowChoice | null {
  const deadline = deadlineOf(start, input.windowMonths);
  const representatives = representativesIn(input.components, start, deadline);
  const passedOn = input.capstonePassedOn;
  const capstonePossible = passedOn !== null && passedOn >= start && passedOn <= deadline;
  const codes = preferredCodes(representatives);
  const { requirementCount } = input.compiled;
  if (best) {
    // Starts come latest first, so this window can only win by a strictly better count.
    const bound = boundAssignment(input.compiled, codes, capstonePossible);
    const couldBeFeasible = deadline >= today || bound.score === requirementCount;
    if (!isAhead([couldBeFeasible, bound.score, bound.places], best)) return null;
  }
  const assignment = assignCourses(input.compiled, codes, capstonePossible);
  const isFeasible = deadline >= today || assignment.score === requirementCount;
  return { start, deadline, isFeasible, assignment, representatives };
}

/** Whether (feasible, score, places) is strictly ahead of a choice's. */
function isAhead([isFeasible, score, places]: [boolean, number, number], choice: WindowChoice): boolean {
  if (isFeasible !== choice.isFeasible) return isFeasible;
  if (score !== choice.assignment.score) return score > choice.assignment.score;
  return places > choice.assignment.places;
}

/** Whether window `a` is a better choice than window `b` (see the file comment for the order). */
function isBetter(a: WindowChoice, b: WindowChoice): boolean {
  if (a.isFeasible !== b.isFeasible) return a.isFeasible;
  if (a.assignment.score !== b.assignment.score) return a.assignment.score > b.assignment.score;
  if (a.assignment.places !== b.assignment.places) return a.assignment.places > b.assignment.places;
  if (a.deadline !== b.deadline) return a.deadline > b.deadline;
  return a.start > b.start;
}

/** The candidate window starts: every component's start and a passed capstone's completion. */
export function candidateStarts(input: WindowInput): IsoDate[] {
  const starts = new Set(input.components.map((component) => component.start));
  if (input.capstonePassedOn !== null) starts.add(input.capstonePassedOn);
  return [...starts].sort(compareDates);
}

/** Whether anything counts in a window (a passed capstone alone counts only once unlocked). */
function countsAnything(choice: WindowChoice): boolean {
  return choice.assignment.capstoneMet || choice.assignment.countedCodes.some((codes) => codes.length > 0);
}

/** Chooses the window (null when nothing counts in any window). */
export function chooseWindow(input: WindowInput, today: IsoDate): WindowChoice | null {
  let best: WindowChoice | null = null;
  for (const start of candidateStarts(input).reverse()) {
    const choice = evaluateWindow(input, start, today, best);
    if (choice && countsAnything(choice) && (!best || isBetter(choice, best))) best = choice;
  }
  return best;
}
