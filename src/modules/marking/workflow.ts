/**
 * The marking workflow, pure: the single place that decides where a submission's marking stands and what
 * may happen next. not-marked → in-marking → ready-for-review → in-review → ready-for-release → released.
 * PERSISTED: the state codes are stored in `marking_submissions.state`.
 */

export const MARKING_STATES = [
  'not-marked',
  'in-marking',
  'ready-for-review',
  'in-review',
  'ready-for-release',
  'released',
] as const;
export type MarkingState = (typeof MARKING_STATES)[number];

export const MARKING_ACTIONS = [
  /** A marker starts (saves a first score). */
  'start-marking',
  /** Every allocated marker has completed their mark. */
  'complete-marking',
  /** A moderator opens the review. */
  'start-review',
  /** The moderator sends it back to the markers. */
  'return-to-marking',
  /** The moderator agrees the mark. */
  'agree',
  /** The agreed mark is reopened for review before release. */
  'reopen-review',
  /** A manager releases mark and feedback to the participant. */
  'release',
] as const;
export type MarkingAction = (typeof MARKING_ACTIONS)[number];

const TRANSITIONS: Record<MarkingState, Partial<Record<MarkingAction, MarkingState>>> = {
  'not-marked': { 'start-marking': 'in-marking' },
  'in-marking': { 'complete-marking': 'ready-for-review' },
  'ready-for-review': { 'start-review': 'in-review', 'return-to-marking': 'in-marking' },
  'in-review': { agree: 'ready-for-release', 'return-to-marking': 'in-marking' },
  'ready-for-release': { release: 'released', 'reopen-review': 'in-review' },
  released: {},
};

/** Pure: the state after `action`, or null when the action is refused in `state`. */
export function nextMarkingState(state: MarkingState, action: MarkingAction): MarkingState | null {
  return TRANSITIONS[state][action] ?? null;
}

/** Pure: the actions allowed in `state`. */
export function allowedActions(state: MarkingState): MarkingAction[] {
  return Object.keys(TRANSITIONS[state]) as MarkingAction[];
}

/** Pure: whether the participant may see anything of the mark (only once released). */
export function isVisibleToParticipant(state: MarkingState): boolean {
  return state === 'released';
}

/** Pure: the participant number as shown to markers (P-0042). */
export function participantLabel(number: number): string {
  return `P-${String(number).padStart(4, '0')}`;
}
