/** The SQL of structured debates: teams, poll votes, contributions per round, the summary. */
import type { Executor } from '../../../db/database.js';

export async function listTeams(db: Executor, itemId: string) {
  return db.selectFrom('forum_debate_teams').selectAll().where('item_id', '=', itemId).execute();
}

export async function setTeam(
  db: Executor,
  row: { item_id: string; user_id: string; position_id: string; chosen_by: string },
): Promise<void> {
  await db
    .insertInto('forum_debate_teams')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['item_id', 'user_id'])
        .doUpdateSet({ position_id: row.position_id, chosen_by: row.chosen_by }),
    )
    .execute();
}

export async function removeTeam(db: Executor, itemId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('forum_debate_teams')
    .where('item_id', '=', itemId)
    .where('user_id', '=', userId)
    .execute();
}

export async function listVotes(db: Executor, itemId: string) {
  return db.selectFrom('forum_debate_votes').selectAll().where('item_id', '=', itemId).execute();
}

export async function saveVote(
  db: Executor,
  row: { item_id: string; user_id: string; phase: string; position_id: string; voted_at: string },
): Promise<void> {
  await db
    .insertInto('forum_debate_votes')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['item_id', 'user_id', 'phase'])
        .doUpdateSet({ position_id: row.position_id, voted_at: row.voted_at }),
    )
    .execute();
}

export async function listContributions(db: Executor, itemId: string) {
  return db
    .selectFrom('forum_debate_contributions')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertContribution(
  db: Executor,
  row: {
    id: string;
    item_id: string;
    round_id: string;
    user_id: string;
    position_id: string;
    body: string;
    created_at: string;
  },
): Promise<void> {
  await db.insertInto('forum_debate_contributions').values(row).execute();
}

export async function findSummary(db: Executor, itemId: string) {
  return db.selectFrom('forum_debate_summaries').selectAll().where('item_id', '=', itemId).executeTakeFirst();
}

export async function saveSummary(
  db: Executor,
  row: { item_id: string; summary: string; written_by: string; written_at: string },
): Promise<void> {
  await db
    .insertInto('forum_debate_summaries')
    .values(row)
    .onConflict((oc) =>
      oc.column('item_id').doUpdateSet({
        summary: row.summary,
        written_by: row.written_by,
        written_at: row.written_at,
      }),
    )
    .execute();
}
