import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.js';
import { courseSearchMatches, fullTextQuery } from '../../db/helpers.js';
import type { DB } from '../../db/schema.js';
import { roleGrantsView, usersView } from '../identity/identity.read-models.repository.js';
import { programmesView, themesView } from '../programmes/programmes.read-models.repository.js';
import type { CourseRow, EditionRow } from './catalogue.tables.js';

/** All SQL about courses and editions. */

export async function findCourseByCode(db: Executor, code: string): Promise<CourseRow | undefined> {
  return db.selectFrom('courses').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findCoursesByCodes(db: Executor, codes: readonly string[]): Promise<CourseRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('courses').selectAll().where('code', 'in', codes).execute();
}

export async function findCoursesByIds(db: Executor, ids: readonly string[]): Promise<CourseRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('courses').selectAll().where('id', 'in', ids).execute();
}

export async function insertCourse(db: Executor, row: CourseRow): Promise<void> {
  await db.insertInto('courses').values(row).execute();
}

export async function updateCourseRow(
  db: Executor,
  id: string,
  changes: Partial<Omit<CourseRow, 'id'>>,
): Promise<void> {
  await db.updateTable('courses').set(changes).where('id', '=', id).execute();
}

export async function setCourseThemes(
  db: Executor,
  courseId: string,
  themeIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('course_themes').where('course_id', '=', courseId).execute();
  if (themeIds.length) {
    await db
      .insertInto('course_themes')
      .values(themeIds.map((theme_id) => ({ course_id: courseId, theme_id })))
      .execute();
  }
}

export async function setCourseProgrammes(
  db: Executor,
  courseId: string,
  links: readonly { programmeId: string; role: string }[],
): Promise<void> {
  await db.deleteFrom('programme_courses').where('course_id', '=', courseId).execute();
  if (links.length) {
    await db
      .insertInto('programme_courses')
      .values(links.map((l) => ({ course_id: courseId, programme_id: l.programmeId, role: l.role })))
      .execute();
  }
}

export async function setCourseEquivalences(
  db: Executor,
  courseId: string,
  countsAsIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('course_equivalences').where('course_id', '=', courseId).execute();
  if (countsAsIds.length) {
    await db
      .insertInto('course_equivalences')
      .values(countsAsIds.map((id) => ({ course_id: courseId, counts_as_course_id: id })))
      .execute();
  }
}

export async function listThemesOfCourses(db: Executor, courseIds: readonly string[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('course_themes')
    .innerJoin(themesView(db).as('themes'), 'themes.id', 'course_themes.theme_id')
    .select(['course_themes.course_id', 'themes.slug', 'themes.name_i18n', 'themes.position'])
    .where('course_themes.course_id', 'in', courseIds)
    .orderBy('themes.position')
    .execute();
}

export async function listProgrammesOfCourses(db: Executor, courseIds: readonly string[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('programme_courses')
    .innerJoin(programmesView(db).as('programmes'), 'programmes.id', 'programme_courses.programme_id')
    .select([
      'programme_courses.course_id',
      'programme_courses.role',
      'programmes.slug',
      'programmes.title_i18n',
    ])
    .where('programme_courses.course_id', 'in', courseIds)
    .execute();
}

/** Equivalences touching the courses, in both directions, with the codes on each side. */
export async function listEquivalencesOfCourses(db: Executor, courseIds: readonly string[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('course_equivalences')
    .innerJoin('courses as source', 'source.id', 'course_equivalences.course_id')
    .innerJoin('courses as target', 'target.id', 'course_equivalences.counts_as_course_id')
    .select([
      'course_equivalences.course_id as sourceId',
      'source.code as sourceCode',
      'course_equivalences.counts_as_course_id as targetId',
      'target.code as targetCode',
    ])
    .where((eb) =>
      eb.or([
        eb('course_equivalences.course_id', 'in', courseIds),
        eb('course_equivalences.counts_as_course_id', 'in', courseIds),
      ]),
    )
    .orderBy('source.code')
    .execute();
}

/** Courses of a programme with their role (compulsory first, then by code). */
export async function listCoursesOfProgramme(db: Executor, programmeId: string) {
  return db
    .selectFrom('programme_courses')
    .innerJoin('courses', 'courses.id', 'programme_courses.course_id')
    .selectAll('courses')
    .select('programme_courses.role as role')
    .where('programme_courses.programme_id', '=', programmeId)
    .orderBy('programme_courses.role')
    .orderBy('courses.code')
    .execute();
}

/** Replaces the search document of a course (folded text in every language). */
export async function saveCourseSearchDocument(db: Executor, courseId: string, body: string): Promise<void> {
  await db.deleteFrom('course_search').where('course_id', '=', courseId).execute();
  await db.insertInto('course_search').values({ course_id: courseId, body }).execute();
}

export interface EditionFilter {
  language?: string | undefined;
  mode?: string | undefined;
  openOn?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function hasEditionFilter(filter: EditionFilter): boolean {
  return Boolean(filter.language || filter.mode || filter.openOn || filter.from || filter.to);
}

/** The conditions an edition must meet (shared by the course search and the editions shown under it). */
function editionConditions(eb: ExpressionBuilder<DB, 'editions'>, filter: EditionFilter) {
  const conditions = [];
  if (filter.language) conditions.push(eb('editions.language', '=', filter.language));
  if (filter.mode) conditions.push(eb('editions.mode', '=', filter.mode));
  if (filter.from) conditions.push(eb('editions.ends_on', '>=', filter.from));
  if (filter.to) conditions.push(eb('editions.starts_on', '<=', filter.to));
  if (filter.openOn) {
    const today = filter.openOn;
    conditions.push(eb('editions.status', '=', 'scheduled'));
    conditions.push(eb('editions.registration_open', '=', 1));
    conditions.push(
      eb.or([
        eb('editions.registration_deadline', '>=', today),
        eb.and([eb('editions.registration_deadline', 'is', null), eb('editions.starts_on', '>=', today)]),
      ]),
    );
  }
  return eb.and(conditions);
}

export interface CourseSearch {
  text?: string | undefined;
  themeSlug?: string | undefined;
  includeRetired: boolean;
  editions: EditionFilter;
  limit: number;
  offset: number;
}

/** Courses matching the catalogue filters, by code, with the total for paging. */
export async function searchCourses(
  db: Executor,
  search: CourseSearch,
): Promise<{ rows: CourseRow[]; total: number }> {
  let query: SelectQueryBuilder<DB, 'courses', object> = db.selectFrom('courses');
  if (!search.includeRetired) query = query.where('courses.status', '=', 'active');
  if (search.text) {
    const ftq = fullTextQuery(dialectOf(db), search.text);
    if (ftq) query = query.where('courses.id', 'in', courseSearchMatches(db, ftq));
  }
  if (search.themeSlug) {
    const slug = search.themeSlug;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('course_themes')
          .innerJoin(themesView(db).as('themes'), 'themes.id', 'course_themes.theme_id')
          .select('course_themes.course_id')
          .whereRef('course_themes.course_id', '=', 'courses.id')
          .where('themes.slug', '=', slug),
      ),
    );
  }
  if (hasEditionFilter(search.editions)) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('editions')
          .select('editions.id')
          .whereRef('editions.course_id', '=', 'courses.id')
          .where((e) => editionConditions(e, search.editions)),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    query.selectAll('courses').orderBy('courses.code').limit(search.limit).offset(search.offset).execute(),
    query.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/**
 * Editions of the given courses to show in a list: those matching the filter, or (with no filter) those
 * not yet over on `today`, soonest first.
 */
export async function listEditionsForCourses(
  db: Executor,
  courseIds: readonly string[],
  filter: EditionFilter,
  today: string,
): Promise<EditionRow[]> {
  if (courseIds.length === 0) return [];
  let query = db.selectFrom('editions').selectAll().where('course_id', 'in', courseIds);
  query = hasEditionFilter(filter)
    ? query.where((eb) => editionConditions(eb, filter))
    : query.where('ends_on', '>=', today).where('status', '=', 'scheduled');
  return query.orderBy('starts_on').orderBy('id').execute();
}

export async function listEditionsOfCourse(db: Executor, courseId: string): Promise<EditionRow[]> {
  return db
    .selectFrom('editions')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('starts_on', 'desc')
    .execute();
}

export async function findEditionById(db: Executor, id: string): Promise<EditionRow | undefined> {
  return db.selectFrom('editions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEditionByCode(db: Executor, code: string): Promise<EditionRow | undefined> {
  return db.selectFrom('editions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertEdition(db: Executor, row: EditionRow): Promise<void> {
  await db.insertInto('editions').values(row).execute();
}

export async function updateEditionRow(
  db: Executor,
  id: string,
  changes: Partial<Omit<EditionRow, 'id'>>,
): Promise<void> {
  await db.updateTable('editions').set(changes).where('id', '=', id).execute();
}

export async function setEditionFacilitators(
  db: Executor,
  editionId: string,
  userIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('edition_facilitators').where('edition_id', '=', editionId).execute();
  if (userIds.length) {
    await db
      .insertInto('edition_facilitators')
      .values(userIds.map((user_id) => ({ edition_id: editionId, user_id })))
      .execute();
  }
}

export async function listFacilitatorsOfEditions(db: Executor, editionIds: readonly string[]) {
  if (editionIds.length === 0) return [];
  return db
    .selectFrom('edition_facilitators')
    .innerJoin(usersView(db).as('users'), 'users.id', 'edition_facilitators.user_id')
    .select(['edition_facilitators.edition_id', 'users.id', 'users.full_name'])
    .where('edition_facilitators.edition_id', 'in', editionIds)
    .orderBy('users.full_name')
    .execute();
}

/** The editions a person facilitates, latest first. */
export async function listEditionsFacilitatedBy(db: Executor, userId: string): Promise<EditionRow[]> {
  return db
    .selectFrom('editions')
    .innerJoin('edition_facilitators', 'edition_facilitators.edition_id', 'editions.id')
    .selectAll('editions')
    .where('edition_facilitators.user_id', '=', userId)
    .orderBy('editions.starts_on', 'desc')
    .orderBy('editions.id')
    .execute();
}

/** People holding the facilitator role (to choose from on the edition form). */
export async function listFacilitatorCandidates(db: Executor) {
  return db
    .selectFrom(usersView(db).as('users'))
    .innerJoin(roleGrantsView(db).as('role_grants'), 'role_grants.user_id', 'users.id')
    .select(['users.id', 'users.full_name'])
    .where('role_grants.role', '=', 'facilitator')
    .where('users.disabled_at', 'is', null)
    .orderBy('users.full_name')
    .execute();
}

/** Which of `userIds` hold the facilitator role. */
export async function filterFacilitators(db: Executor, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom(roleGrantsView(db).as('role_grants'))
    .select('user_id')
    .where('role', '=', 'facilitator')
    .where('user_id', 'in', userIds)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Editions of the given course codes open for registration on `today`, soonest first (then by id). */
export async function listOpenEditionsOfCodes(
  db: Executor,
  codes: readonly string[],
  today: string,
  limit: number,
) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('editions')
    .innerJoin('courses', 'courses.id', 'editions.course_id')
    .selectAll('editions')
    .select(['courses.code as course_code', 'courses.title_i18n as course_title_i18n'])
    .where('courses.code', 'in', codes)
    .where('courses.status', '=', 'active')
    .where((eb) => editionConditions(eb, { openOn: today }))
    .orderBy('editions.starts_on')
    .orderBy('editions.id')
    .limit(limit)
    .execute();
}

/** Editions with their course's code and title (for the notices and pages of other modules). */
export async function listEditionTitleRows(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('editions')
    .innerJoin('courses', 'courses.id', 'editions.course_id')
    .select([
      'editions.id',
      'editions.code',
      'editions.starts_on',
      'courses.code as course_code',
      'courses.title_i18n',
    ])
    .where('editions.id', 'in', ids)
    .execute();
}
