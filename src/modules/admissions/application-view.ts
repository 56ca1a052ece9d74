import type { Executor } from '../../db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { type ApplicationFacts, dependsOnReviewers } from './admissions.policy.js';
import {
  type ApplicationAnswers,
  type ApplicationFileKind,
  type ApplicationStatus,
  type ApplicationStep,
  type Decision,
  isApplicationStatus,
  isApplicationStep,
  type MissingItem,
  missingForSubmission,
  readAnswers,
} from './application.js';
import {
  type ApplicationFileRow,
  type ApplicationRow,
  listApplicationFileRows,
  listDecisionRowsOf,
  listReviewerIdsOf,
} from './applications.repository.js';
import { type EligibilityResult, readEligibilityResult } from './eligibility.js';

/** An application as the use cases return it (never a row). */
export interface Application {
  id: string;
  programmeId: string;
  userId: string;
  status: ApplicationStatus;
  step: ApplicationStep;
  locale: string;
  answers: ApplicationAnswers;
  files: ApplicationFile[];
  /** Stored at submission (null for a draft). */
  eligibility: EligibilityResult | null;
  justification: string | null;
  decision: Decision | null;
  decisionMessage: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationFile {
  id: string;
  kind: ApplicationFileKind;
  originalName: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** One moment of the status timeline the applicant sees. */
export interface TimelineEntry {
  status: ApplicationStatus;
  at: string | null;
  /** The committee's message with a decision. */
  message: string | null;
  /** A later decision replaced this one (it was reopened). */
  reopened: boolean;
}

export function toApplicationFile(row: ApplicationFileRow): ApplicationFile {
  return {
    id: row.id,
    kind: row.kind as ApplicationFileKind,
    originalName: row.original_name,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
  };
}

/** Maps a row (and its files) to the domain type. */
export function toApplication(row: ApplicationRow, files: readonly ApplicationFileRow[]): Application {
  return {
    id: row.id,
    programmeId: row.programme_id,
    userId: row.user_id,
    status: isApplicationStatus(row.status) ? row.status : 'draft',
    step: isApplicationStep(row.step) ? row.step : 'person',
    locale: row.locale,
    answers: readAnswers(row.answers_json),
    files: files.map(toApplicationFile),
    eligibility: readEligibilityResult(row.eligibility_json),
    justification: row.justification,
    decision: (row.decision as Decision | null) ?? null,
    decisionMessage: row.decision_message,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Loads the domain application with its files. */
export async function loadApplication(db: Executor, row: ApplicationRow): Promise<Application> {
  return toApplication(row, await listApplicationFileRows(db, row.id));
}

/**
 * The facts the admissions policy needs about an application, for `actor`: the reviewers are read only when
 * the policy's answer can depend on them (`dependsOnReviewers`; an applicant's own requests skip them).
 */
export async function applicationFacts(
  db: Executor,
  actor: Actor,
  row: ApplicationRow,
): Promise<ApplicationFacts> {
  return {
    applicantId: row.user_id,
    reviewerIds: dependsOnReviewers(actor) ? await listReviewerIdsOf(db, row.id) : [],
  };
}

/** What the application still misses before submission. */
export function missingOf(application: Application): MissingItem[] {
  return missingForSubmission(
    application.answers,
    application.files.map((f) => f.kind),
  );
}

const DECIDED_STATUS: Record<string, ApplicationStatus> = {
  accept: 'accepted',
  waitlist: 'waitlisted',
  reject: 'rejected',
  'request-info': 'info-requested',
};

/** The applicant's timeline: started, submitted, under review, each decision (with its message), withdrawn. */
export async function buildTimeline(db: Executor, application: Application): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [
    { status: 'draft', at: application.createdAt, message: null, reopened: false },
  ];
  if (application.submittedAt)
    entries.push({ status: 'submitted', at: application.submittedAt, message: null, reopened: false });
  const decisions = await listDecisionRowsOf(db, application.id);
  const reviewed = decisions.length > 0 || !['draft', 'submitted', 'withdrawn'].includes(application.status);
  if (reviewed) entries.push({ status: 'under-review', at: null, message: null, reopened: false });
  for (const decision of decisions) {
    entries.push({
      status: DECIDED_STATUS[decision.decision] ?? 'under-review',
      at: decision.decided_at,
      message: decision.message,
      reopened: decision.reopened_at !== null,
    });
  }
  if (application.status === 'withdrawn')
    entries.push({ status: 'withdrawn', at: application.updatedAt, message: null, reopened: false });
  return entries;
}
