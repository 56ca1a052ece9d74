import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { canRecordResults } from '../pathway/pathway.policy.js';
import { canCatalogue } from './catalogue.policy.js';
import { findEditionWithCourse } from './catalogue.queries.js';
import type { Course, Edition } from './course.js';

/** One edition with its course. Editions of a retired course are "not found" except for managers. */
export async function getEdition(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
): Promise<{ edition: Edition; course: Course; today: string; can: { manage: boolean; teach: boolean } }> {
  ensure(actor, canCatalogue(actor, 'catalogue.read'));
  const found = await findEditionWithCourse(db, editionId);
  if (!found || (found.course.status === 'retired' && !canCatalogue(actor, 'catalogue.readRetired')))
    throw new AppError('not_found');
  return {
    edition: found.edition,
    course: found.course,
    today: deps.clock.now().toISOString().slice(0, 10),
    can: {
      manage: canCatalogue(actor, 'catalogue.manage'),
      // The edition's facilitators (and managers) record its results.
      teach: canRecordResults(
        actor,
        found.edition.facilitators.map((f) => f.id),
      ),
    },
  };
}
