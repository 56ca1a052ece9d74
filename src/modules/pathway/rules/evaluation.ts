/**
 * The evaluation of a candidate against a rule version: the output of `evaluatePathway`, printed by
 * `diploma pathway evaluate` and cached for lists and reports. Cached copies are rebuilt from the
 * source records, so this shape may change; keep it plain JSON (ISO dates, no Date objects).
 */
import type { IsoDate } from './dates.js';

/** The candidate's standing. `completed`: every requirement met within the window. */
export type PathwayStatus = 'active' | 'completed' | 'expired' | 'withdrawn';

/** A requirement's state within the chosen window. */
export type RequirementStatus = 'met' | 'in-progress' | 'missing';

/** An achievement counted for a requirement. */
export interface CountedComponent {
  /** The course code on the certificate, e.g. `ELMA`. */
  course: string;
  /** The code it counts as after equivalences, e.g. `LMA`. */
  countsAs: string;
  start: IsoDate;
  completed: IsoDate;
  hours: number;
}

/** A course or choose requirement. `needed`/`have` count courses. */
export interface CourseRequirementEvaluation {
  id: string;
  kind: 'course' | 'choose';
  status: RequirementStatus;
  needed: number;
  have: number;
  /** The achieved course codes that count here, as on the certificates. */
  counted: string[];
  components: CountedComponent[];
  /** For `course`: the listed codes not yet counted. For `choose`: []. */
  missingCourses: string[];
  /** Courses of running or upcoming enrolments (end ≥ today) that would fill a missing place. */
  enrolled: string[];
}

/** The capstone requirement. */
export interface CapstoneRequirementEvaluation {
  id: string;
  kind: 'capstone';
  status: RequirementStatus;
  needed: 1;
  have: 0 | 1;
  /** Always [] (the capstone is not a course); kept so every requirement has the field. */
  counted: string[];
  /** The requirements the capstone waits for, and those of them not met. */
  after: string[];
  waitingFor: string[];
  capstoneStatus: 'not-started' | 'in-progress' | 'passed' | 'failed';
  completed: IsoDate | null;
}

/** One requirement's evaluation. */
export type RequirementEvaluation = CourseRequirementEvaluation | CapstoneRequirementEvaluation;

/** Why an achievement of the record does not count. */
export type UncountedReason =
  | 'participation'
  | 'revoked'
  | 'not-in-programme'
  | 'outside-window'
  | 'no-longer-counts'
  | 'duplicate'
  | 'surplus';

/** An achievement of the record that does not count, and why. */
export interface UncountedAchievement {
  course: string;
  countsAs: string;
  completed: IsoDate;
  reason: UncountedReason;
}

/**
 * Something that will go wrong within the horizon (12 months) unless the candidate acts.
 * Reported only for an `active` candidate.
 * - `achievement-expiring`: a counted achievement whose last possible window ends within the horizon.
 *   A window that contains it starts no later than its start, so it ends no later than `date`
 *   = its start + window years + extensions. Not done by `date`, it can no longer count.
 * - `deadline-soon`: the chosen window ends within the horizon with requirements still `missing` or
 *   `in-progress` (listed in `missing`).
 * - `enrolment-after-deadline`: an enrolment counted as in progress ends after the window's deadline,
 *   so it would not count in this window.
 */
export type AtRiskItem =
  | { kind: 'achievement-expiring'; course: string; date: IsoDate }
  | { kind: 'deadline-soon'; deadline: IsoDate; missing: string[] }
  | { kind: 'enrolment-after-deadline'; course: string; end: IsoDate; deadline: IsoDate };

/** Every reason code of the explanation; each has the message `pathway.why.<code>`. */
export const REASON_CODES = [
  'withdrawn',
  'expired',
  'awardable',
  'nothingCounted',
  'missingCourse',
  'missingElectives',
  'enrolled',
  'capstoneLocked',
  'capstoneReady',
  'capstoneInProgress',
  'capstoneFailed',
  'capstoneAwaitingPrerequisites',
  'capstoneOutsideWindow',
  'deadline',
  'deadlineSoon',
  'extensionGranted',
  'achievementOutsideWindow',
  'achievementNoLongerCounts',
  'participationNotCounted',
  'revokedNotCounted',
  'enrolmentAfterDeadline',
] as const;

/** A reason code. */
export type ReasonCode = (typeof REASON_CODES)[number];

/** A parameter of a reason: ISO dates are strings; a list of codes is formatted as a list. */
export type ReasonParam = string | number | string[];

/** A structured reason, translatable by any layer through its message `pathway.why.<code>`. */
export interface Reason {
  code: ReasonCode;
  params: Record<string, ReasonParam>;
}

/** The evaluation of a candidate against a rule version on a given day. */
export interface PathwayEvaluation {
  status: PathwayStatus;
  awardable: boolean;
  capstoneUnlocked: boolean;
  /** The chosen window; null when nothing counts yet. */
  window: { start: IsoDate | null; deadline: IsoDate | null; years: number };
  extensionsMonths: number;
  requirements: RequirementEvaluation[];
  uncounted: UncountedAchievement[];
  hours: { counted: number; total: number };
  atRisk: AtRiskItem[];
  reasons: Reason[];
  explanation: string;
}

/** The languages of the explanation. */
export const EXPLANATION_LANGUAGES = ['en', 'fr', 'es'] as const;
/** A language of the explanation. */
export type ExplanationLanguage = (typeof EXPLANATION_LANGUAGES)[number];
