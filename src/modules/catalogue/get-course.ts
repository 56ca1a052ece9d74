import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { canCatalogue } from './catalogue.policy.js';
import {
  findCourseByCode,
  listEditionsOfCourse,
  listFacilitatorsOfEditions,
} from './catalogue.repository.js';
import { courseCodeSchema } from './catalogue.schemas.js';
import { toEdition } from './catalogue-mappers.js';
import type { Course, Edition } from './course.js';
import { loadCourses } from './load-courses.js';

export interface CourseDetail {
  course: Course;
  /** Editions not over yet, soonest first. */
  upcoming: Edition[];
  /** Editions already over, most recent first. */
  past: Edition[];
  today: string;
  /** What the caller may do here (the page shows only these buttons; API clients read it too). */
  can: { manage: boolean };
}

/** A course with all its editions. A retired course is "not found" except for programme managers. */
export async function getCourse(
  db: Executor,
  deps: Services,
  actor: Actor,
  code: string,
): Promise<CourseDetail> {
  ensure(actor, canCatalogue(actor, 'catalogue.read'));
  const parsed = courseCodeSchema.safeParse(code);
  if (!parsed.success) throw new AppError('not_found');
  const row = await findCourseByCode(db, parsed.data);
  if (!row || (row.status === 'retired' && !canCatalogue(actor, 'catalogue.readRetired')))
    throw new AppError('not_found');
  const [course] = await loadCourses(db, [row]);
  const editionRows = await listEditionsOfCourse(db, row.id);
  const facilitators = await listFacilitatorsOfEditions(
    db,
    editionRows.map((e) => e.id),
  );
  const editions = editionRows.map((e) =>
    toEdition(e, { code: row.code, title: course!.title }, facilitators),
  );
  const today = deps.clock.now().toISOString().slice(0, 10);
  return {
    course: course!,
    upcoming: editions.filter((e) => e.endsOn >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn)),
    past: editions.filter((e) => e.endsOn < today),
    today,
    can: { manage: canCatalogue(actor, 'catalogue.manage') },
  };
}
