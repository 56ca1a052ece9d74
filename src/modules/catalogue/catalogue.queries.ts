/**
 * The catalogue's internal queries: permission-free reads for other modules (what their pages and notices
 * show of a course or an edition). Not for routes: they answer whoever asks.
 */
import type { Executor } from '../../db/database.js';
import { KeptResults } from '../../db/kept-results.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import { isId } from '../../kernel/ids.js';
import {
  findCoursesByIds,
  findEditionById,
  listEditionsFacilitatedBy,
  listEditionTitleRows,
  listFacilitatorsOfEditions,
} from './catalogue.repository.js';
import { toEdition } from './catalogue-mappers.js';
import { COURSE_PAGE_TABLES } from './catalogue-page-tables.js';
import type { Course, Edition } from './course.js';
import { loadCourses } from './load-courses.js';

/** An edition as other modules name it: its course's title and code, its own code and start. */
export interface EditionTitle {
  courseTitle: LocalizedText;
  courseCode: string;
  editionCode: string | null;
  startsOn: string;
}

/** The titles of some editions, by id. */
export async function editionTitles(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, EditionTitle>> {
  const rows = await listEditionTitleRows(db, ids);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        courseTitle: parseLocalized(r.title_i18n),
        courseCode: r.course_code,
        editionCode: r.code,
        startsOn: r.starts_on,
      },
    ]),
  );
}

/**
 * Editions with their course, kept per database until a catalogue table changes (ADR 0009): the edition
 * page, its places panel and every course space page ask for their edition on each request. Never kept
 * inside a transaction; the values are shared, so callers treat them as read-only (as every caller does).
 */
const KEPT_EDITIONS = new KeptResults<{ edition: Edition; course: Course } | null>({
  tables: COURSE_PAGE_TABLES,
  maxEntries: 5000,
});

/** An edition with its course (a retired course's too), or null when there is none. */
export async function findEditionWithCourse(
  db: Executor,
  editionId: string,
): Promise<{ edition: Edition; course: Course } | null> {
  if (!isId(editionId)) return null;
  return KEPT_EDITIONS.get(db, editionId, () => readEditionWithCourse(db, editionId));
}

async function readEditionWithCourse(
  db: Executor,
  editionId: string,
): Promise<{ edition: Edition; course: Course } | null> {
  const row = await findEditionById(db, editionId);
  if (!row) return null;
  const [courseRow] = await findCoursesByIds(db, [row.course_id]);
  if (!courseRow) return null;
  const [course] = await loadCourses(db, [courseRow]);
  const facilitators = await listFacilitatorsOfEditions(db, [row.id]);
  return {
    edition: toEdition(row, { code: courseRow.code, title: course!.title }, facilitators),
    course: course!,
  };
}

/** The editions a person facilitates (with their course's code and title), latest first. */
export async function editionsFacilitatedBy(db: Executor, userId: string): Promise<Edition[]> {
  const rows = await listEditionsFacilitatedBy(db, userId);
  if (rows.length === 0) return [];
  const courses = await findCoursesByIds(db, [...new Set(rows.map((r) => r.course_id))]);
  const byId = new Map(courses.map((c) => [c.id, c]));
  const facilitators = await listFacilitatorsOfEditions(
    db,
    rows.map((r) => r.id),
  );
  return rows.flatMap((row) => {
    const course = byId.get(row.course_id);
    return course
      ? [toEdition(row, { code: course.code, title: parseLocalized(course.title_i18n) }, facilitators)]
      : [];
  });
}
