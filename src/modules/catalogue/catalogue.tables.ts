/**
 * The catalogue module's tables: courses, editions, the programmes they count for, search. Only this module writes them (and only its code names
 * them); the `DB` type gets them from here through declaration merging, so a module's tables live in its folder.
 */
import type { Selectable } from 'kysely';

export interface CoursesTable {
  id: string;
  code: string;
  title_i18n: string;
  summary_i18n: string;
  description_i18n: string;
  learning_hours: number;
  credential_on_success: string;
  status: string;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CourseThemesTable {
  course_id: string;
  theme_id: string;
}

export interface ProgrammeCoursesTable {
  programme_id: string;
  course_id: string;
  role: string;
}

export interface CourseEquivalencesTable {
  course_id: string;
  counts_as_course_id: string;
}

export interface EditionsTable {
  id: string;
  course_id: string;
  code: string | null;
  language: string;
  mode: string;
  place_i18n: string;
  starts_on: string;
  ends_on: string;
  self_paced_start: string | null;
  self_paced_end: string | null;
  live_start: string | null;
  live_end: string | null;
  residential_start: string | null;
  residential_end: string | null;
  assignment_due: string | null;
  capacity: number | null;
  registration_open: number;
  registration_deadline: string | null;
  fee_amount: number | null;
  fee_currency: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface EditionFacilitatorsTable {
  edition_id: string;
  user_id: string;
}

export interface CourseSearchTable {
  course_id: string;
  body: string;
}

declare module '../../db/schema.js' {
  interface DB {
    courses: CoursesTable;
    course_themes: CourseThemesTable;
    programme_courses: ProgrammeCoursesTable;
    course_equivalences: CourseEquivalencesTable;
    editions: EditionsTable;
    edition_facilitators: EditionFacilitatorsTable;
    course_search: CourseSearchTable;
  }
}

export type CourseRow = Selectable<CoursesTable>;
export type EditionRow = Selectable<EditionsTable>;
