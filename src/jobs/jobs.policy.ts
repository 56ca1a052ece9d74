import { type Actor, hasRole } from '../kernel/actor.js';

/** What can be done with the job queue. */
export type JobsAction = 'jobs.read' | 'jobs.readErrorDetails' | 'jobs.retry';

/**
 * Pure: administrators see the queue, the raw text of failed jobs' errors, and retry failed jobs (one or in
 * bulk). Programme managers see it too, read-only and with each error as a translated summary of its kind:
 * a certificate whose issuance failed must be visible to them, never silent (issue 4); retrying is an
 * operator's act, after the cause is fixed.
 */
export function canJobs(actor: Actor, action: JobsAction): boolean {
  if (actor.kind === 'system' || hasRole(actor, 'administrator')) return true;
  return action === 'jobs.read' && hasRole(actor, 'manager');
}
