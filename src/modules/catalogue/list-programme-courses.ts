import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { canCatalogue } from './catalogue.policy.js';
import { listCoursesOfProgramme } from './catalogue.repository.js';
import type { Course, ProgrammeRole } from './course.js';
import { loadCourses } from './load-courses.js';

/** The active courses that count for a programme, compulsory first (for the programme page). */
export async function listProgrammeCourses(
  db: Executor,
  _deps: Services,
  actor: Actor,
  programmeId: string,
): Promise<{ course: Course; role: ProgrammeRole }[]> {
  ensure(actor, canCatalogue(actor, 'catalogue.read'));
  const rows = (await listCoursesOfProgramme(db, programmeId)).filter((r) => r.status === 'active');
  const courses = await loadCourses(
    db,
    rows.map(({ role: _role, ...course }) => course),
  );
  return courses.map((course, i) => ({ course, role: rows[i]!.role as ProgrammeRole }));
}
