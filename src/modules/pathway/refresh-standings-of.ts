import type { Executor } from '../../db/database.js';
import { listCandidaciesOfUser } from './pathway.repository.js';
import { refreshStandings } from './standing.js';

/**
 * Re-evaluates every candidacy of one person and writes their cached standing, inside the caller's
 * transaction: for other modules (places) whose change of an enrolment changes what is in progress.
 */
export async function refreshStandingsOf(db: Executor, userId: string, today: string): Promise<void> {
  await refreshStandings(db, await listCandidaciesOfUser(db, userId), today);
}
