import { TEACHING_LANGUAGES, type TeachingLanguage } from '../../i18n/languages.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { FieldError } from '../../kernel/errors.js';

/** How an edition is delivered. */
export const MODES = ['online', 'residential', 'blended'] as const;
export type Mode = (typeof MODES)[number];

/** What passing a course gives: only a Certificate of Achievement counts towards a diploma. */
export const CREDENTIAL_TYPES = ['achievement', 'participation'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

/** A course's place in a programme. */
export const PROGRAMME_ROLES = ['compulsory', 'elective'] as const;
export type ProgrammeRole = (typeof PROGRAMME_ROLES)[number];

/** Languages editions are taught in (the interface itself is in en, fr, es). */
export { TEACHING_LANGUAGES, type TeachingLanguage };

export const COURSE_STATUSES = ['active', 'retired'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const EDITION_STATUSES = ['scheduled', 'cancelled'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export interface CourseThemeRef {
  slug: string;
  name: LocalizedText;
}

export interface ProgrammeEligibility {
  programmeSlug: string;
  programmeTitle: LocalizedText;
  role: ProgrammeRole;
}

export interface Course {
  id: string;
  code: string;
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText;
  learningHours: number;
  credentialOnSuccess: CredentialType;
  status: CourseStatus;
  themes: CourseThemeRef[];
  programmes: ProgrammeEligibility[];
  /** Codes of the courses this one counts as (the E-Academy counts as the Academy). */
  countsAs: string[];
  /** Codes of the courses that count as this one. */
  countedBy: string[];
  updatedAt: string;
}

/** The dated phases of an edition; each is optional but a phase has both ends or neither. */
export interface EditionPhases {
  selfPacedStart: string | null;
  selfPacedEnd: string | null;
  liveStart: string | null;
  liveEnd: string | null;
  residentialStart: string | null;
  residentialEnd: string | null;
  assignmentDue: string | null;
}

export interface Edition extends EditionPhases {
  id: string;
  courseId: string;
  courseCode: string;
  courseTitle: LocalizedText;
  code: string | null;
  language: TeachingLanguage;
  mode: Mode;
  place: LocalizedText;
  startsOn: string;
  endsOn: string;
  capacity: number | null;
  registrationOpen: boolean;
  registrationDeadline: string | null;
  feeAmount: number | null;
  feeCurrency: string | null;
  status: EditionStatus;
  facilitators: { id: string; fullName: string }[];
}

const PHASES = [
  ['selfPacedStart', 'selfPacedEnd'],
  ['liveStart', 'liveEnd'],
  ['residentialStart', 'residentialEnd'],
] as const;

/**
 * Pure: the problems of an edition's dates and mode, as field errors. A phase has both dates or neither,
 * and ends after it starts; there is at least one phase; residential and blended editions have a
 * residential phase, online ones do not; the assignment is due after the edition starts; registration
 * closes before the edition ends.
 */
export function editionDateProblems(
  phases: EditionPhases,
  mode: Mode,
  registrationDeadline: string | null,
): FieldError[] {
  const problems: FieldError[] = [];
  for (const [start, end] of PHASES) {
    const s = phases[start];
    const e = phases[end];
    if ((s === null) !== (e === null))
      problems.push({ path: s === null ? start : end, key: 'validation.phaseBothDates' });
    else if (s !== null && e !== null && e < s)
      problems.push({ path: end, key: 'validation.endBeforeStart' });
  }
  const span = editionSpan(phases);
  if (!span) {
    problems.push({ path: 'selfPacedStart', key: 'validation.atLeastOnePhase' });
    return problems;
  }
  const hasResidential = phases.residentialStart !== null;
  if (mode === 'online' && hasResidential)
    problems.push({ path: 'residentialStart', key: 'validation.onlineNoResidential' });
  if (mode !== 'online' && !hasResidential)
    problems.push({ path: 'residentialStart', key: 'validation.residentialPhaseNeeded' });
  if (phases.assignmentDue !== null && phases.assignmentDue < span.startsOn) {
    problems.push({ path: 'assignmentDue', key: 'validation.assignmentBeforeStart' });
  }
  if (registrationDeadline !== null && registrationDeadline > span.endsOn) {
    problems.push({ path: 'registrationDeadline', key: 'validation.deadlineAfterEnd' });
  }
  return problems;
}

/** Pure: the first and last day of an edition from its phases (null when no phase is dated). */
export function editionSpan(phases: EditionPhases): { startsOn: string; endsOn: string } | null {
  const starts = [phases.selfPacedStart, phases.liveStart, phases.residentialStart].filter(
    (d): d is string => d !== null,
  );
  const ends = [phases.selfPacedEnd, phases.liveEnd, phases.residentialEnd, phases.assignmentDue].filter(
    (d): d is string => d !== null,
  );
  if (starts.length === 0) return null;
  // ISO dates sort as text: the first is the earliest, the last the latest.
  const startsOn = [...starts].sort()[0]!;
  const endsOn = [...ends, startsOn].sort().at(-1)!;
  return { startsOn, endsOn };
}

/** Pure: may people ask for a place in this edition on `today`? */
export function isOpenForRegistration(
  edition: Pick<Edition, 'registrationOpen' | 'registrationDeadline' | 'status' | 'startsOn'>,
  today: string,
): boolean {
  if (edition.status !== 'scheduled' || !edition.registrationOpen) return false;
  if (edition.registrationDeadline !== null) return today <= edition.registrationDeadline;
  return today <= edition.startsOn;
}

/** Pure: where an edition stands on `today`. */
export function editionTiming(
  edition: Pick<Edition, 'startsOn' | 'endsOn'>,
  today: string,
): 'upcoming' | 'running' | 'past' {
  if (today < edition.startsOn) return 'upcoming';
  if (today > edition.endsOn) return 'past';
  return 'running';
}
