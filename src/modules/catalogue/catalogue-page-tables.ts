/**
 * Every table the catalogue page's contents are read from (its courses, their search document, themes,
 * programmes, equivalences, editions, facilitators and their names). A write to one of them makes the
 * kept pages stale (`KeptResults`); `catalogue-page-tables.integration.test.ts` checks the list against
 * the SQL the page really runs.
 */
export const CATALOGUE_PAGE_TABLES = [
  'courses',
  'course_search',
  'course_themes',
  'themes',
  'programme_courses',
  'programmes',
  'course_equivalences',
  'editions',
  'edition_facilitators',
  'users',
] as const;

/**
 * Every table a course page's contents are read from (the course, its themes, programmes and equivalences,
 * its editions and their facilitators); checked against the SQL `getCourse` runs, like the catalogue's.
 */
export const COURSE_PAGE_TABLES = CATALOGUE_PAGE_TABLES;
