import type { Executor } from '../../db/database.js';
import {
  listEquivalencesOfCourses,
  listProgrammesOfCourses,
  listThemesOfCourses,
} from './catalogue.repository.js';
import type { CourseRow } from './catalogue.tables.js';
import { toCourse } from './catalogue-mappers.js';
import type { Course } from './course.js';

/** Loads the themes, programmes and equivalences of course rows in three queries and maps them. */
export async function loadCourses(db: Executor, rows: CourseRow[]): Promise<Course[]> {
  const ids = rows.map((r) => r.id);
  const [themes, programmes, equivalences] = await Promise.all([
    listThemesOfCourses(db, ids),
    listProgrammesOfCourses(db, ids),
    listEquivalencesOfCourses(db, ids),
  ]);
  return rows.map((row) => toCourse(row, themes, programmes, equivalences));
}
