/**
 * Role-play rules: who may read a private brief, where a phase stands, the limits of what is typed. Pure.
 */

/** Limits shared by the forms, the API and the use cases. */
/** A role name is also the persona of in-character posts (the forums allow 100 characters). */
export const ROLE_NAME_MAX = 100;
export const BRIEF_MAX = 20_000;
export const SCENARIO_MAX = 20_000;
export const DEBRIEF_MAX = 20_000;
export const PHASE_TITLE_MAX = 200;
export const OUTCOME_MAX = 100_000;
export const ROLES_MAX = 30;
export const PHASES_MAX = 12;

/** Who is asking about one role's private brief. */
export interface BriefReader {
  /** Holds the role (in person or through a group). */
  holdsRole: boolean;
  /** Facilitator of the edition or manager. */
  isStaff: boolean;
  /** The facilitator revealed every brief. */
  revealed: boolean;
}

/** Pure: the private brief is for the role's holders and the edition's staff, and for everyone once revealed. */
export function canReadPrivateBrief(reader: BriefReader): boolean {
  return reader.holdsRole || reader.isStaff || reader.revealed;
}

export type PhaseState = 'upcoming' | 'open' | 'closed';

/** Pure: where a phase stands at `now` (ISO instants compare as text). */
export function phaseState(phase: { startsAt: string; endsAt: string }, now: string): PhaseState {
  if (now < phase.startsAt) return 'upcoming';
  return now < phase.endsAt ? 'open' : 'closed';
}

/** Pure: the debrief shows to participants once published; staff always see their draft. */
export function canReadDebrief(publishedAt: string | null, isStaff: boolean): boolean {
  return isStaff || publishedAt !== null;
}

/** True when a one-line text holds a line break or another control character (names, titles). */
export function hasControlCharacters(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
  return /[\u0000-\u001f\u007f]/.test(text);
}

/**
 * Pure: the roles someone holds, in the order they write under them. Roles given to them in person come
 * first, then those of their groups, each in the exercise's order: the first is the name their posts carry
 * by default wherever they write in a phase's discussion (the phase page and the forum's thread page agree),
 * and the phase page lets someone holding more than one choose another for each post.
 */
export function orderHeldRoles(held: readonly { roleId: string; inPerson: boolean }[]): string[] {
  const inPerson = held.filter((h) => h.inPerson).map((h) => h.roleId);
  const throughGroups = held.filter((h) => !h.inPerson).map((h) => h.roleId);
  return [...new Set([...inPerson, ...throughGroups])];
}
