/**
 * What the capstones module offers other modules, permission-free: the milestone warnings of a person's
 * capstones (the pathway's dashboard shows them among what is at risk).
 */
import type { Executor } from '../../db/database.js';
import { type CapstoneWarning, capstoneWarnings, type Milestone } from './capstone.js';
import { proposalOf, stateOf } from './capstone-access.js';
import { listCapstonesOfUser, listMilestonesReached } from './capstones.repository.js';

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
  for (const row of await listCapstonesOfUser(db, userId)) {
    if (!deadlines.has(row.candidacy_id)) continue;
    const reached = new Set((await listMilestonesReached(db, row.id)).map((m) => m.milestone as Milestone));
    const warnings = capstoneWarnings(
      stateOf(row),
      proposalOf(row).timeline,
      deadlines.get(row.candidacy_id) ?? null,
      today,
      reached,
    );
    if (warnings.length) out.set(row.candidacy_id, { capstoneId: row.id, warnings });
  }
  return out;
}
