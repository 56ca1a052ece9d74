/** Case-study rules: what a participant sees when. Pure (ISO instants compare as text). */

export const CONTEXT_MAX = 50_000;
export const QUESTIONS_MAX = 20_000;
export const RELEASE_TITLE_MAX = 200;
export const RELEASE_MAX = 20_000;
export const ANSWER_MAX = 100_000;
export const FEEDBACK_MAX = 20_000;
export const DEBRIEF_MAX = 20_000;
export const ANSWER_MODES = ['individual', 'group'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

/** A release shows to participants from its date; staff see it before (as scheduled). */
export function isReleased(releaseAt: string, now: string): boolean {
  return releaseAt <= now;
}

/** The debrief shows to participants once the deadline has passed (staff always; no deadline: never early). */
export function canReadCaseDebrief(deadlineAt: string | null, now: string, isStaff: boolean): boolean {
  return isStaff || (deadlineAt !== null && deadlineAt <= now);
}

/** Answers are written until the deadline (none: always). */
export function isOpenForAnswers(deadlineAt: string | null, now: string): boolean {
  return deadlineAt === null || now < deadlineAt;
}
