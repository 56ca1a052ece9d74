import { type Actor, hasRole } from '../kernel/actor.js';

/** What can be done with the job queue. */
export type JobsAction = 'jobs.read' | 'jobs.retry';

/**
 * Pure: administrators see the queue (with the errors of failed jobs) and retry failed jobs. Programme
 * managers see it too, read-only: a certificate whose issuance failed must be visible to them, never silent
 * (issue 4); retrying is an operator's act, after the cause is fixed.
 */
export function canJobs(actor: Actor, action: JobsAction): boolean {
  if (actor.kind === 'system' || hasRole(actor, 'administrator')) return true;
  return action === 'jobs.read' && hasRole(actor, 'manager');
}
