import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { canCatalogue } from './catalogue.policy.js';
import { findCoursesByIds, findEditionById, listFacilitatorsOfEditions } from './catalogue.repository.js';
import { toEdition } from './catalogue-mappers.js';
import type { Course, Edition } from './course.js';
import { loadCourses } from './load-courses.js';

/** One edition with its course. Editions of a retired course are "not found" except for managers. */
export async function getEdition(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
): Promise<{ edition: Edition; course: Course; today: string }> {
  ensure(actor, canCatalogue(actor, 'catalogue.read'));
  if (!isId(editionId)) throw new AppError('not_found');
  const row = await findEditionById(db, editionId);
  if (!row) throw new AppError('not_found');
  const [courseRow] = await findCoursesByIds(db, [row.course_id]);
  if (!courseRow || (courseRow.status === 'retired' && !canCatalogue(actor, 'catalogue.readRetired')))
    throw new AppError('not_found');
  const [course] = await loadCourses(db, [courseRow]);
  const facilitators = await listFacilitatorsOfEditions(db, [row.id]);
  return {
    edition: toEdition(row, { code: courseRow.code, title: course!.title }, facilitators),
    course: course!,
    today: deps.clock.now().toISOString().slice(0, 10),
  };
}
