/** The groups module's SQL about peer evaluations and their ratings. */
import type { Executor } from '../../db/database.js';
import type { PeerEvaluationRow, PeerRatingRow } from './groups.tables.js';

export async function findPeerEvaluation(
  db: Executor,
  groupSetId: string,
): Promise<PeerEvaluationRow | undefined> {
  return db
    .selectFrom('peer_evaluations')
    .selectAll()
    .where('group_set_id', '=', groupSetId)
    .executeTakeFirst();
}

export async function upsertPeerEvaluation(db: Executor, row: PeerEvaluationRow): Promise<void> {
  await db
    .insertInto('peer_evaluations')
    .values(row)
    .onConflict((oc) =>
      oc.column('group_set_id').doUpdateSet({
        criteria: row.criteria,
        opens_at: row.opens_at,
        closes_at: row.closes_at,
      }),
    )
    .execute();
}

export async function listRatingsOfSet(db: Executor, groupSetId: string): Promise<PeerRatingRow[]> {
  return db
    .selectFrom('peer_ratings')
    .selectAll()
    .where('group_set_id', '=', groupSetId)
    .orderBy('rater_id')
    .orderBy('ratee_id')
    .execute();
}

export async function listRatingsBy(
  db: Executor,
  groupSetId: string,
  raterId: string,
): Promise<PeerRatingRow[]> {
  return db
    .selectFrom('peer_ratings')
    .selectAll()
    .where('group_set_id', '=', groupSetId)
    .where('rater_id', '=', raterId)
    .execute();
}

/** Records (or replaces) one rating. */
export async function upsertRating(db: Executor, row: PeerRatingRow): Promise<void> {
  await db
    .insertInto('peer_ratings')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['group_set_id', 'rater_id', 'ratee_id']).doUpdateSet({
        score: row.score,
        comment: row.comment,
        rated_at: row.rated_at,
      }),
    )
    .execute();
}
