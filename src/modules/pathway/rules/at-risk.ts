/**
 * What is at risk for an active candidate within the horizon (definitions in evaluation.ts, AtRiskItem).
 */
import { addMonths, compareDates, type IsoDate } from './dates.js';
import type { AtRiskItem, RequirementEvaluation } from './evaluation.js';
import type { CandidateRecord } from './record.js';
import { deadlineOf } from './window.js';

/** How far ahead risks are reported. */
export const AT_RISK_HORIZON_MONTHS = 12;

/** What the risk finder needs. */
export interface RiskInput {
  requirements: RequirementEvaluation[];
  record: CandidateRecord;
  window: { start: IsoDate | null; deadline: IsoDate | null };
  windowMonths: number;
  today: IsoDate;
}

function byDateThenCourse(
  a: { date: IsoDate; course: string },
  b: { date: IsoDate; course: string },
): number {
  return compareDates(a.date, b.date) || (a.course < b.course ? -1 : a.course > b.course ? 1 : 0);
}

function expiringAchievements(input: RiskInput, horizon: IsoDate): AtRiskItem[] {
  const items: (AtRiskItem & { kind: 'achievement-expiring' })[] = [];
  for (const requirement of input.requirements) {
    if (requirement.kind === 'capstone') continue;
    for (const component of requirement.components) {
      // Any window holding this component starts no later than its start, so it ends no later than this.
      const date = deadlineOf(component.start, input.windowMonths);
      if (date <= horizon) items.push({ kind: 'achievement-expiring', course: component.course, date });
    }
  }
  return items.length > 1 ? items.sort(byDateThenCourse) : items;
}

function enrolmentsAfterDeadline(input: RiskInput, deadline: IsoDate): AtRiskItem[] {
  if (input.record.enrolments.length === 0) return [];
  const enrolled = new Set<string>();
  for (const requirement of input.requirements) {
    if (requirement.kind !== 'capstone') for (const course of requirement.enrolled) enrolled.add(course);
  }
  if (enrolled.size === 0) return [];
  const late = new Map<string, { course: string; date: IsoDate }>();
  for (const { course, end } of input.record.enrolments) {
    if (enrolled.has(course) && end >= input.today && end > deadline)
      late.set(`${course} ${end}`, { course, date: end });
  }
  return [...late.values()]
    .sort(byDateThenCourse)
    .map(({ course, date }) => ({ kind: 'enrolment-after-deadline', course, end: date, deadline }));
}

/** Lists the risks of an active candidate (nothing is at risk before anything counts). */
export function findRisks(input: RiskInput): AtRiskItem[] {
  const { deadline } = input.window;
  if (deadline === null) return [];
  const horizon = addMonths(input.today, AT_RISK_HORIZON_MONTHS);
  const missing: string[] = [];
  for (const requirement of input.requirements)
    if (requirement.status !== 'met') missing.push(requirement.id);
  const items = expiringAchievements(input, horizon);
  if (deadline <= horizon && missing.length > 0) items.push({ kind: 'deadline-soon', deadline, missing });
  for (const item of enrolmentsAfterDeadline(input, deadline)) items.push(item);
  return items;
}
