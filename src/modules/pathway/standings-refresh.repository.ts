import type { Executor } from '../../db/database.js';
import type { CandidacyRow } from './pathway.tables.js';

/** SQL of the daily refresh of cached standings. */

/** Candidacies whose cached standing was evaluated before `today`, a batch at a time (oldest ids first). */
export function listStaleCandidacies(db: Executor, today: string, limit: number): Promise<CandidacyRow[]> {
  return db
    .selectFrom('candidacies')
    .selectAll()
    .where('standing_evaluated_on', '<', today)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countStaleCandidacies(db: Executor, today: string): Promise<number> {
  const row = await db
    .selectFrom('candidacies')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('standing_evaluated_on', '<', today)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
