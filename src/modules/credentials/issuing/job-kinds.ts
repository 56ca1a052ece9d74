/**
 * The job kinds of the credentials module (their handlers are in credential-jobs.ts) and how a use case
 * enqueues them inside its transaction, so a job exists exactly when the change that needs it commits.
 */
import type { Executor } from '../../../db/database.js';
import { enqueueJobs, type NewJob } from '../../../jobs/queue.js';
import type { Clock } from '../../../kernel/clock.js';

export const CREDENTIAL_JOB_KINDS = {
  /** Issues the certificate of a recorded result (payload `{ resultId, outcome }`). */
  issueCourse: 'credentials.issue-course',
  /** Renders and stores a credential's PDF (payload `{ credentialId }`). */
  renderPdf: 'credentials.render-pdf',
  /** Tells the holder a credential was issued (payload `{ credentialId }`). */
  mailIssued: 'mail.credential-issued',
  /** Tells the holder their credential was revoked, suspended or reinstated (payload `{ credentialId, status, at }`). */
  mailStatusChanged: 'mail.credential-status-changed',
  /** Fans out a component revocation notice to every manager (payload `{ diplomaId, componentId, outcome }`). */
  componentRevoked: 'credentials.component-revoked',
  /** Tells one manager about a component revocation (payload `{ diplomaId, componentId, outcome, managerId }`). */
  mailComponentRevoked: 'mail.diploma-component-revoked',
  /** Awards the diplomas of programmes set to award automatically (payload `{ day }` or `{ userId }`). */
  autoAward: 'credentials.auto-award',
} as const;

/** The idempotency key of a result's issuance job: one per result and outcome. */
export function issueJobKey(resultId: string, outcome: string): string {
  return `issue:${resultId}:${outcome}`;
}

/** The side effects of a new credential: its PDF and the holder's email (each once). */
export async function enqueueIssuedEffects(db: Executor, clock: Clock, credentialId: string): Promise<void> {
  await enqueueJobs(db, clock, issuedEffects(credentialId));
}

/** The jobs of a new credential's side effects (`enqueueIssuedEffects`; for many at once, `enqueueJobs`). */
export function issuedEffects(credentialId: string): NewJob[] {
  return [
    {
      kind: CREDENTIAL_JOB_KINDS.renderPdf,
      payload: { credentialId },
      idempotencyKey: `pdf:${credentialId}`,
    },
    {
      kind: CREDENTIAL_JOB_KINDS.mailIssued,
      payload: { credentialId },
      idempotencyKey: `mail-issued:${credentialId}`,
    },
  ];
}

/**
 * Called by the pathway inside the transaction that records a result: a result that earns a credential
 * (achievement, participation) gets its issuance job, once per result and outcome. Nothing else here.
 */
export async function enqueueCourseIssuance(
  db: Executor,
  clock: Clock,
  result: { resultId: string; outcome: string; recordedBy: string | null },
): Promise<void> {
  await enqueueCourseIssuances(db, clock, [result]);
}

/** `enqueueCourseIssuance` for many results at once (an import), a few hundred jobs per statement. */
export async function enqueueCourseIssuances(
  db: Executor,
  clock: Clock,
  results: readonly { resultId: string; outcome: string; recordedBy: string | null }[],
): Promise<void> {
  await enqueueJobs(db, clock, courseIssuanceJobs(results));
}

/** The issuance jobs `enqueueCourseIssuances` queues (for writes staged ahead of an import's swap). */
export function courseIssuanceJobs(
  results: readonly { resultId: string; outcome: string; recordedBy: string | null }[],
): NewJob[] {
  return results
    .filter((result) => result.outcome === 'achievement' || result.outcome === 'participation')
    .map((result) => ({
      kind: CREDENTIAL_JOB_KINDS.issueCourse,
      payload: { resultId: result.resultId, outcome: result.outcome },
      idempotencyKey: issueJobKey(result.resultId, result.outcome),
      createdBy: result.recordedBy,
    }));
}
