import type { Executor } from '../../../db/database.js';
import { enrolmentsView } from '../../places/places.read-models.repository.js';

/** Per edition: how many people held a place (enrolled or withdrawn) and how many of them have a result. */
export async function countClassResults(db: Executor, editionIds: readonly string[]) {
  if (editionIds.length === 0) return [];
  return db
    .selectFrom(enrolmentsView(db).as('enrolments'))
    .leftJoin('results', 'results.enrolment_id', 'enrolments.id')
    .select((eb) => [
      'enrolments.edition_id',
      eb.cast<number>(eb.fn.count('enrolments.id'), 'integer').as('people'),
      eb.cast<number>(eb.fn.count('results.id'), 'integer').as('recorded'),
    ])
    .where('enrolments.edition_id', 'in', editionIds)
    .where('enrolments.status', 'in', ['enrolled', 'withdrawn'])
    .groupBy('enrolments.edition_id')
    .execute();
}
