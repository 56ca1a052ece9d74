/**
 * What the capstones module offers other modules, permission-free: the milestone warnings of a person's
 * capstones (the pathway's dashboard shows them among what is at risk).
 */
import type { Executor } from '../../db/database.js';
import { type CapstoneState, type CapstoneWarning, capstoneWarnings, type Milestone } from './capstone.js';
import { listCapstoneWarningFactsOfUser } from './capstones.repository.js';

/** A capstone's warnings, for the candidacy it belongs to. */
export interface CapstoneWarnings {
  capstoneId: string;
  warnings: CapstoneWarning[];
}

/**
 * The warnings of each of a person's capstones on `today` (the person's own date, in their time zone), by
 * candidacy: a milestone not yet reached, or the window's end (`deadlines`: the window's end of each
 * candidacy, as the pathway evaluated it), within WARNING_DAYS or past. Capstones without one are left out.
 */
export async function capstoneWarningsOfPerson(
  db: Executor,
  userId: string,
  today: string,
  deadlines: ReadonlyMap<string, string | null>,
): Promise<Map<string, CapstoneWarnings>> {
  const out = new Map<string, CapstoneWarnings>();
  // One statement for every capstone of the person and the milestones each has reached.
  for (const row of await listCapstoneWarningFactsOfUser(db, userId)) {
    if (!deadlines.has(row.candidacy_id)) continue;
    const reached = new Set((row.reached ? row.reached.split(' ') : []) as Milestone[]);
    const warnings = capstoneWarnings(
      row.state as CapstoneState,
      { outline: row.outline_due, draft: row.draft_due, final: row.final_due },
      deadlines.get(row.candidacy_id) ?? null,
      today,
      reached,
    );
    if (warnings.length) out.set(row.candidacy_id, { capstoneId: row.id, warnings });
  }
  return out;
}
