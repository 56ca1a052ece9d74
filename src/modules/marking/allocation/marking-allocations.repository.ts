/** SQL of a marker's allocations (the calendar feed's marking due dates). */
import type { Executor } from '../../../db/database.js';

/**
 * The unreleased submissions of an owner module this person is allocated to mark (first or second), with
 * their context, participant number and whether their own mark is completed.
 */
export function unreleasedAllocationsOf(
  db: Executor,
  markerId: string,
  ownerModule: string,
): Promise<{ owner_id: string; context_id: string; number: number | null; completed_at: string | null }[]> {
  return db
    .selectFrom('marking_marks')
    .innerJoin('marking_submissions', 'marking_submissions.id', 'marking_marks.submission_id')
    .leftJoin('marking_numbers', (join) =>
      join
        .onRef('marking_numbers.context_id', '=', 'marking_submissions.context_id')
        .onRef('marking_numbers.person_id', '=', 'marking_submissions.participant_id'),
    )
    .where('marking_marks.marker_id', '=', markerId)
    .where('marking_submissions.owner_module', '=', ownerModule)
    .where('marking_submissions.state', '!=', 'released')
    .select([
      'marking_submissions.owner_id',
      'marking_submissions.context_id',
      'marking_numbers.number',
      'marking_marks.completed_at',
    ])
    .orderBy('marking_numbers.number')
    .execute();
}
