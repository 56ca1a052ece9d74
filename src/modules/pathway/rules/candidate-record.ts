import { minDate } from './dates.js';
import type { CandidateRecord } from './record.js';

/** Facts about one course result, as loaded for the rule engine. */
export interface ResultFacts {
  courseCode: string;
  outcome: string;
  startedOn: string | null;
  completedOn: string;
  editionStartsOn: string | null;
  /**
   * Its certificate was revoked (and not replaced by a correction): it no longer counts. 1/0 as read from
   * the database; absent means not revoked.
   */
  revoked?: number | boolean | null;
}

/** Facts about one enrolment without a result yet. */
export interface EnrolmentFacts {
  courseCode: string;
  status: string;
  startsOn: string;
  endsOn: string;
  hasResult: boolean;
}

export interface CandidacyFacts {
  registeredOn: string;
  status: string;
  capstoneStatus: string;
  capstoneCompletedOn: string | null;
}

/** The outcomes that carry a credential (only 'achievement' counts towards a diploma). */
export const CREDENTIAL_OUTCOMES = ['achievement', 'participation'] as const;

/**
 * Pure: the record the rule engine evaluates, built from what is stored (never from a stored standing).
 * It is complete (every default filled), so it needs no schema parse: the database's constraints and the
 * use cases' validation already hold for what it is built from.
 * An achievement starts at its edition's start, else its own start date, else its completion; a start
 * after the completion (a data-entry slip) is clamped rather than allowed to break the evaluation.
 */
export function buildCandidateRecord(
  candidacy: CandidacyFacts,
  results: readonly ResultFacts[],
  enrolments: readonly EnrolmentFacts[],
  extensions: readonly { months: number; reason: string }[],
): CandidateRecord {
  // Plain loops: bulk evaluation builds a record per candidate.
  const achievements: CandidateRecord['achievements'] = [];
  for (const r of results) {
    if (r.outcome !== 'achievement' && r.outcome !== 'participation') continue;
    const start = r.editionStartsOn ?? r.startedOn ?? r.completedOn;
    achievements.push({
      course: r.courseCode,
      credential: r.outcome,
      start: minDate(start, r.completedOn),
      completed: r.completedOn,
      revoked: r.revoked === 1 || r.revoked === true,
    });
  }
  const open: CandidateRecord['enrolments'] = [];
  for (const e of enrolments) {
    if (!e.hasResult && e.status === 'enrolled')
      open.push({ course: e.courseCode, start: e.startsOn, end: e.endsOn });
  }
  const capstone =
    candidacy.capstoneStatus === 'passed' && candidacy.capstoneCompletedOn
      ? { status: 'passed' as const, completed: candidacy.capstoneCompletedOn }
      : {
          status: (candidacy.capstoneStatus === 'passed' ? 'in-progress' : candidacy.capstoneStatus) as
            | 'not-started'
            | 'in-progress'
            | 'failed',
        };
  return {
    registeredOn: candidacy.registeredOn,
    status: candidacy.status === 'withdrawn' ? 'withdrawn' : 'active',
    achievements,
    enrolments: open,
    capstone,
    extensions: extensions.map((e) => ({ months: e.months, reason: e.reason })),
  };
}

/** Characters of an ISO date `YYYY-MM-DD` in packed facts. */
const DATE = 10;
const NONE: readonly never[] = [];

/** The credential letter of packed result facts: lower case counts, upper case is a revoked certificate. */
const CREDENTIAL_LETTERS: Record<string, { credential: 'achievement' | 'participation'; revoked: boolean }> =
  {
    a: { credential: 'achievement', revoked: false },
    p: { credential: 'participation', revoked: false },
    A: { credential: 'achievement', revoked: true },
    P: { credential: 'participation', revoked: true },
  };

function letterOf(text: string, at: number) {
  const letter = CREDENTIAL_LETTERS[text[at] ?? ''];
  if (!letter) throw new Error(`malformed result facts ${JSON.stringify(text)}`);
  return letter;
}

/**
 * Pure: one result's facts as packed by the database for bulk evaluation (`listAchievementFacts`): the
 * completion date, the start date (already the edition's start, else the result's own, else its
 * completion), a letter (`a` achievement, `p` participation; upper case when its certificate is revoked),
 * then the course code.
 */
export function readResultFacts(text: string): ResultFacts {
  const { credential, revoked } = letterOf(text, 2 * DATE);
  if (text.length <= 2 * DATE + 1) throw new Error(`malformed result facts ${JSON.stringify(text)}`);
  return {
    courseCode: text.slice(2 * DATE + 1),
    outcome: credential,
    startedOn: text.slice(DATE, 2 * DATE),
    completedOn: text.slice(0, DATE),
    editionStartsOn: null,
    revoked,
  };
}

/**
 * Pure: one open enrolment's facts as packed by the database for bulk evaluation
 * (`listOpenEnrolmentFacts`, enrolled and without a result): the edition's start and end dates, then the
 * course code.
 */
export function readEnrolmentFacts(text: string): EnrolmentFacts {
  if (text.length <= 2 * DATE) throw new Error(`malformed enrolment facts ${JSON.stringify(text)}`);
  return {
    courseCode: text.slice(2 * DATE),
    status: 'enrolled',
    startsOn: text.slice(0, DATE),
    endsOn: text.slice(DATE, 2 * DATE),
    hasResult: false,
  };
}

/**
 * Pure: the same record as `buildCandidateRecord` from a person's packed facts (bulk evaluation):
 * `results` and `enrolments` hold the texts that `readResultFacts` and `readEnrolmentFacts` read,
 * separated by spaces (or are undefined: none). Parsed in place, without the objects in between.
 */
export function buildCandidateRecordFromFacts(
  candidacy: CandidacyFacts,
  results: string | undefined,
  enrolments: string | undefined,
  extensions: readonly { months: number; reason: string }[],
): CandidateRecord {
  const record = buildCandidateRecord(candidacy, NONE, NONE, extensions);
  for (let at = 0; results !== undefined && at < results.length; ) {
    const end = nextSpace(results, at);
    if (end - at <= 2 * DATE + 1) throw new Error(`malformed result facts ${JSON.stringify(results)}`);
    const { credential, revoked } = letterOf(results, at + 2 * DATE);
    const completed = results.slice(at, at + DATE);
    record.achievements.push({
      course: results.slice(at + 2 * DATE + 1, end),
      credential,
      start: minDate(results.slice(at + DATE, at + 2 * DATE), completed),
      completed,
      revoked,
    });
    at = end + 1;
  }
  for (let at = 0; enrolments !== undefined && at < enrolments.length; ) {
    const end = nextSpace(enrolments, at);
    if (end - at <= 2 * DATE) throw new Error(`malformed enrolment facts ${JSON.stringify(enrolments)}`);
    record.enrolments.push({
      course: enrolments.slice(at + 2 * DATE, end),
      start: enrolments.slice(at, at + DATE),
      end: enrolments.slice(at + DATE, at + 2 * DATE),
    });
    at = end + 1;
  }
  return record;
}

function nextSpace(text: string, from: number): number {
  const space = text.indexOf(' ', from);
  return space === -1 ? text.length : space;
}
