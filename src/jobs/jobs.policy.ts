import { type Actor, hasRole } from '../kernel/actor.js';

/** What can be done with the job queue. */
export type JobsAction = 'jobs.read' | 'jobs.retry';

/** Pure: administrators see the queue (with the errors of failed jobs) and retry failed jobs. */
export function canJobs(actor: Actor, _action: JobsAction): boolean {
  return actor.kind === 'system' || hasRole(actor, 'administrator');
}
