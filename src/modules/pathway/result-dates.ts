/**
 * The one check of the dates of a recorded result, shared by every path that records one (the class
 * list form and its API, the results import, legacy certificates) and of a capstone's "passed" date.
 * Pure: `today` is a parameter. Returns translation keys, as field errors do.
 */
import { addMonths } from './rules/dates.js';

/** A problem with a date: the field it is about and the message key. */
export interface DateProblem {
  field: 'completedOn' | 'startedOn';
  key: string;
  values?: Record<string, string>;
}

/** The dates of a course result: completion, and the edition's start (none for a legacy certificate). */
export interface ResultDates {
  completedOn: string;
  startedOn?: string | null;
  editionStartsOn?: string | null;
}

/**
 * A result is completed on or before today, not before its edition starts, and not before it started.
 */
export function resultDateProblems(dates: ResultDates, today: string): DateProblem[] {
  const problems: DateProblem[] = [];
  const { completedOn, startedOn, editionStartsOn } = dates;
  if (completedOn > today) problems.push({ field: 'completedOn', key: 'validation.completedInFuture' });
  if (editionStartsOn && completedOn < editionStartsOn)
    problems.push({ field: 'completedOn', key: 'validation.completedBeforeStart' });
  if (startedOn && startedOn > completedOn)
    problems.push({ field: 'completedOn', key: 'validation.endBeforeStart' });
  return problems;
}

/**
 * The earliest date a capstone of a candidacy can have been passed: the start of the earliest window
 * that contains the registration (registration minus the window's years), before which nothing of the
 * candidacy can count.
 */
export function earliestCapstoneDate(registeredOn: string, windowYears: number): string {
  return addMonths(registeredOn, -12 * windowYears);
}

/** A capstone is passed on or before today, and not before its candidacy's earliest window starts. */
export function capstoneDateProblems(passedOn: string, earliest: string, today: string): DateProblem[] {
  if (passedOn > today) return [{ field: 'completedOn', key: 'validation.passedInFuture' }];
  if (passedOn < earliest)
    return [{ field: 'completedOn', key: 'validation.passedTooEarly', values: { date: earliest } }];
  return [];
}
