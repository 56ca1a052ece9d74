/** Marking's SQL for withdrawing external examiners (appointing and reading them: marking.repository.ts). */
import type { Executor } from '../../../db/database.js';

/** Takes a person off a context's external examiners; whether they were one. */
export async function deleteExaminer(db: Executor, contextId: string, personId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('marking_examiners')
    .where('context_id', '=', contextId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
