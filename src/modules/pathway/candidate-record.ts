import type { CandidateRecord } from './record.js';

/** Facts about one course result, as loaded for the rule engine. */
export interface ResultFacts {
  courseCode: string;
  outcome: string;
  startedOn: string | null;
  completedOn: string;
  editionStartsOn: string | null;
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
  const achievements = results
    .filter((r) => r.outcome === 'achievement' || r.outcome === 'participation')
    .map((r) => {
      const start = r.editionStartsOn ?? r.startedOn ?? r.completedOn;
      return {
        course: r.courseCode,
        credential: r.outcome as 'achievement' | 'participation',
        // ISO dates sort as text: the earlier of the two.
        start: [start, r.completedOn].sort()[0]!,
        completed: r.completedOn,
        revoked: false,
      };
    });
  const open = enrolments
    .filter((e) => !e.hasResult && e.status === 'enrolled')
    .map((e) => ({ course: e.courseCode, start: e.startsOn, end: e.endsOn }));
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
