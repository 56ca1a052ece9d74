import type { Executor } from '../../db/database.js';
import { findCandidacy, listCandidaciesOfUser } from './pathway.repository.js';
import type { PathwayEvaluation } from './rules/evaluation.js';
import { evaluateCandidacies, refreshStandings } from './standing.js';

/**
 * The pathway's answers for other modules (credentials awards diplomas and reacts to revocations): a
 * candidacy's fresh evaluation, and the refresh of a person's cached standings, both inside the caller's
 * transaction so that what they decide on is what they commit.
 */

/** A candidacy as other modules see it. */
export interface CandidacySummary {
  id: string;
  userId: string;
  programmeId: string;
  status: string;
  capstoneStatus: string;
  capstoneCompletedOn: string | null;
}

/** A candidacy and its evaluation from the source records on `today`, or null when there is none. */
export async function evaluateCandidacy(
  db: Executor,
  candidacyId: string,
  today: string,
): Promise<{ candidacy: CandidacySummary; evaluation: PathwayEvaluation } | null> {
  const row = await findCandidacy(db, candidacyId);
  if (!row) return null;
  const evaluation = (await evaluateCandidacies(db, [row], today, 'en', false)).get(row.id);
  if (!evaluation) return null;
  return {
    candidacy: {
      id: row.id,
      userId: row.user_id,
      programmeId: row.programme_id,
      status: row.status,
      capstoneStatus: row.capstone_status,
      capstoneCompletedOn: row.capstone_completed_on,
    },
    evaluation,
  };
}

/** Re-evaluates every candidacy of a person and caches their standings; the evaluations by candidacy id. */
export async function refreshStandingsOfPerson(
  db: Executor,
  userId: string,
  today: string,
): Promise<Map<string, PathwayEvaluation>> {
  return refreshStandings(db, await listCandidaciesOfUser(db, userId), today);
}

/** A person's candidacies and their evaluations on `today` (read-only: nothing is cached). For the capstone. */
export async function evaluateCandidaciesOfPerson(
  db: Executor,
  userId: string,
  today: string,
): Promise<{ candidacy: CandidacySummary; evaluation: PathwayEvaluation }[]> {
  const out: { candidacy: CandidacySummary; evaluation: PathwayEvaluation }[] = [];
  for (const row of await listCandidaciesOfUser(db, userId)) {
    const found = await evaluateCandidacy(db, row.id, today);
    if (found) out.push(found);
  }
  return out;
}
