import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import { foldForSearch } from '../../kernel/search-fold.js';
import type { CourseRow, EditionRow } from './catalogue.tables.js';
import type {
  Course,
  CourseStatus,
  CredentialType,
  Edition,
  EditionStatus,
  Mode,
  ProgrammeRole,
  TeachingLanguage,
} from './course.js';

type ThemeLink = { course_id: string; slug: string; name_i18n: string };
type ProgrammeLink = { course_id: string; role: string; slug: string; title_i18n: string };
type EquivalenceLink = { sourceId: string; sourceCode: string; targetId: string; targetCode: string };

/** Maps a course row and its links to a Course. */
export function toCourse(
  row: CourseRow,
  themes: ThemeLink[],
  programmes: ProgrammeLink[],
  equivalences: EquivalenceLink[],
): Course {
  return {
    id: row.id,
    code: row.code,
    title: parseLocalized(row.title_i18n),
    summary: parseLocalized(row.summary_i18n),
    description: parseLocalized(row.description_i18n),
    learningHours: row.learning_hours,
    credentialOnSuccess: row.credential_on_success as CredentialType,
    status: row.status as CourseStatus,
    themes: themes
      .filter((t) => t.course_id === row.id)
      .map((t) => ({ slug: t.slug, name: parseLocalized(t.name_i18n) })),
    programmes: programmes
      .filter((p) => p.course_id === row.id)
      .map((p) => ({
        programmeSlug: p.slug,
        programmeTitle: parseLocalized(p.title_i18n),
        role: p.role as ProgrammeRole,
      })),
    countsAs: equivalences.filter((e) => e.sourceId === row.id).map((e) => e.targetCode),
    countedBy: equivalences.filter((e) => e.targetId === row.id).map((e) => e.sourceCode),
    updatedAt: row.updated_at,
  };
}

/** Maps an edition row (with its course's code and title, and its facilitators) to an Edition. */
export function toEdition(
  row: EditionRow,
  course: { code: string; title: LocalizedText },
  facilitators: { edition_id: string; id: string; full_name: string }[],
): Edition {
  return {
    id: row.id,
    courseId: row.course_id,
    courseCode: course.code,
    courseTitle: course.title,
    code: row.code,
    language: row.language as TeachingLanguage,
    mode: row.mode as Mode,
    place: parseLocalized(row.place_i18n),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    selfPacedStart: row.self_paced_start,
    selfPacedEnd: row.self_paced_end,
    liveStart: row.live_start,
    liveEnd: row.live_end,
    residentialStart: row.residential_start,
    residentialEnd: row.residential_end,
    assignmentDue: row.assignment_due,
    capacity: row.capacity,
    registrationOpen: row.registration_open === 1,
    registrationDeadline: row.registration_deadline,
    feeAmount: row.fee_amount,
    feeCurrency: row.fee_currency,
    status: row.status as EditionStatus,
    facilitators: facilitators
      .filter((f) => f.edition_id === row.id)
      .map((f) => ({ id: f.id, fullName: f.full_name })),
  };
}

/** The text a course is found by: its code and every language of its title, summary and description. */
export function courseSearchDocument(course: {
  code: string;
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText;
}): string {
  const parts = [
    course.code,
    ...Object.values(course.title),
    ...Object.values(course.summary),
    ...Object.values(course.description),
  ];
  return foldForSearch(parts.filter(Boolean).join('\n'));
}
