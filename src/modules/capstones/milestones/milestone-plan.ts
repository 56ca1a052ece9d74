/**
 * Pure rules: what a change of the candidate's window means for the milestones already planned. The
 * window's end moves when the pathway grants an extension (later) or when the window itself is changed
 * (earlier). The plan does not move by itself — the supervisor owns it — but the capstone page offers the
 * plan shifted by the extension and names the milestones a shorter window leaves outside.
 */
import { MILESTONES, type Milestone } from '../capstone.js';

export type Timeline = Record<Milestone, string | null>;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The plan offered after the window's end moved later: every milestone not yet reached, shifted. */
export interface ShiftOffer {
  /** The window's end when the plan was made, and now. */
  from: string;
  to: string;
  /** How many days the window's end moved (the shift). */
  days: number;
  /** The shifted plan (reached milestones keep their date). */
  timeline: Timeline;
}

/**
 * Pure: the shift offered when the window now ends later than when the plan was made (`plannedDeadline`):
 * each milestone after the last one reached moves by the same number of days, but never after the new end nor
 * before `today` (so the order is kept and the plan passes `timelineProblems`). Null when the window did
 * not move later, when the plan's window is unknown, when the window has already ended, or when nothing
 * would change.
 */
export function shiftOffer(
  timeline: Timeline,
  window: { plannedDeadline: string | null; deadline: string | null; today: string },
  reached: ReadonlySet<Milestone> = new Set(),
): ShiftOffer | null {
  const { plannedDeadline, deadline, today } = window;
  if (!plannedDeadline || !deadline || deadline <= plannedDeadline || deadline < today) return null;
  const days = dayNumber(deadline) - dayNumber(plannedDeadline);
  const shifted = { ...timeline };
  let changed = false;
  // A milestone reached fixes those before it (the full draft reached: an outline not recorded stays).
  const lastReached = Math.max(-1, ...MILESTONES.map((m, i) => (reached.has(m) ? i : -1)));
  for (const milestone of MILESTONES.slice(lastReached + 1)) {
    const date = timeline[milestone];
    if (!date) continue;
    let next = dateOf(dayNumber(date) + days);
    if (next > deadline) next = deadline;
    if (next < today) next = today;
    if (next !== date) changed = true;
    shifted[milestone] = next;
  }
  return changed ? { from: plannedDeadline, to: deadline, days, timeline: shifted } : null;
}

/**
 * Pure: the milestones not yet reached that are planned after the window's end (a window shortened since
 * the plan was made): the plan must be made again before they can be met inside the window.
 */
export function milestonesOutsideWindow(
  timeline: Timeline,
  deadline: string | null,
  reached: ReadonlySet<Milestone> = new Set(),
): Milestone[] {
  if (!deadline) return [];
  return MILESTONES.filter((m) => {
    const date = timeline[m];
    return date !== null && !reached.has(m) && date > deadline;
  });
}
