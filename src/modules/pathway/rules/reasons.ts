/**
 * The structured "why not yet": reasons with parameters, translated by explain.ts here and by the
 * web layer through the same messages (`pathway.why.<code>`). Dates stay ISO strings.
 */
import { AT_RISK_HORIZON_MONTHS } from './at-risk.js';
import { addMonths, type IsoDate } from './dates.js';
import type {
  AtRiskItem,
  CapstoneRequirementEvaluation,
  PathwayStatus,
  Reason,
  RequirementEvaluation,
  UncountedAchievement,
} from './evaluation.js';
import type { CandidateRecord } from './record.js';

/** What the reasons are built from. */
export interface ReasonInput {
  status: PathwayStatus;
  requirements: RequirementEvaluation[];
  uncounted: UncountedAchievement[];
  window: { start: IsoDate | null; deadline: IsoDate | null };
  atRisk: AtRiskItem[];
  extensionsMonths: number;
  record: CandidateRecord;
  today: IsoDate;
}

/** The last end date (≥ today) of the enrolments in a course. */
function enrolmentEnd(input: ReasonInput, course: string): IsoDate {
  const ends = input.record.enrolments
    .filter((enrolment) => enrolment.course === course && enrolment.end >= input.today)
    .map((enrolment) => enrolment.end);
  return ends.sort().at(-1) ?? input.today;
}

function capstoneReasons(input: ReasonInput, capstone: CapstoneRequirementEvaluation): Reason[] {
  if (capstone.status === 'met') return [];
  const isLocked = capstone.waitingFor.length > 0;
  switch (capstone.capstoneStatus) {
    case 'passed': {
      if (isLocked) return [{ code: 'capstoneAwaitingPrerequisites', params: {} }];
      const { start, deadline } = input.window;
      const completed = capstone.completed ?? '';
      return start && deadline
        ? [{ code: 'capstoneOutsideWindow', params: { completed, start, deadline } }]
        : [];
    }
    case 'in-progress':
      return [{ code: 'capstoneInProgress', params: {} }];
    case 'failed':
      return [{ code: 'capstoneFailed', params: {} }];
    default:
      return [{ code: isLocked ? 'capstoneLocked' : 'capstoneReady', params: {} }];
  }
}

function requirementReasons(input: ReasonInput): Reason[] {
  const reasons: Reason[] = [];
  for (const requirement of input.requirements) {
    if (requirement.kind === 'capstone') {
      reasons.push(...capstoneReasons(input, requirement));
      continue;
    }
    if (requirement.status === 'met') continue;
    const { id, needed, have } = requirement;
    if (requirement.kind === 'course') {
      const courses = requirement.missingCourses;
      reasons.push({ code: 'missingCourse', params: { requirement: id, courses, count: courses.length } });
    } else {
      reasons.push({
        code: 'missingElectives',
        params: { requirement: id, count: needed - have, have, needed },
      });
    }
    for (const course of requirement.enrolled) {
      reasons.push({ code: 'enrolled', params: { course, end: enrolmentEnd(input, course) } });
    }
  }
  return reasons;
}

/** Achievements the candidate may expect to count and that do not: worth saying why. */
function uncountedReasons(input: ReasonInput): Reason[] {
  if (input.uncounted.length === 0) return [];
  const counted = new Set<string>();
  for (const requirement of input.requirements) {
    if (requirement.kind !== 'capstone')
      for (const component of requirement.components) counted.add(component.countsAs);
  }
  const reasons: Reason[] = [];
  const seen = new Set<string>();
  for (const { course, countsAs, completed, reason } of input.uncounted) {
    const key = `${reason} ${course}`;
    if (seen.has(key) || counted.has(countsAs)) continue;
    seen.add(key);
    if (reason === 'outside-window')
      reasons.push({ code: 'achievementOutsideWindow', params: { course, completed } });
    if (reason === 'no-longer-counts')
      reasons.push({ code: 'achievementNoLongerCounts', params: { course, completed } });
    if (reason === 'participation') reasons.push({ code: 'participationNotCounted', params: { course } });
    if (reason === 'revoked') reasons.push({ code: 'revokedNotCounted', params: { course } });
  }
  return reasons;
}

function timeReasons(input: ReasonInput): Reason[] {
  const { deadline } = input.window;
  if (deadline === null) return [];
  const isSoon = deadline <= addMonths(input.today, AT_RISK_HORIZON_MONTHS);
  const reasons: Reason[] = [{ code: isSoon ? 'deadlineSoon' : 'deadline', params: { deadline } }];
  if (input.extensionsMonths > 0)
    reasons.push({ code: 'extensionGranted', params: { months: input.extensionsMonths } });
  for (const item of input.atRisk) {
    if (item.kind === 'enrolment-after-deadline') {
      reasons.push({
        code: 'enrolmentAfterDeadline',
        params: { course: item.course, end: item.end, deadline },
      });
    }
  }
  return reasons;
}

/** Builds the reasons, most important first: the standing, what is missing, the time left, notes. */
export function buildReasons(input: ReasonInput): Reason[] {
  switch (input.status) {
    case 'withdrawn':
      return [{ code: 'withdrawn', params: {} }];
    case 'completed':
      return [{ code: 'awardable', params: {} }];
    case 'expired': {
      const deadline = input.window.deadline ?? input.today;
      return [
        { code: 'expired', params: { deadline } },
        ...requirementReasons(input),
        ...uncountedReasons(input),
      ];
    }
    default: {
      const reasons: Reason[] = input.window.start === null ? [{ code: 'nothingCounted', params: {} }] : [];
      for (const part of [requirementReasons(input), timeReasons(input), uncountedReasons(input)])
        for (const reason of part) reasons.push(reason);
      return reasons;
    }
  }
}
