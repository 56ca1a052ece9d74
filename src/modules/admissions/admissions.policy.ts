import { type Actor, hasRole } from '../../kernel/actor.js';

/** What can be done with applications and the admissions of a programme. */
export type AdmissionsAction =
  | 'application.apply' // start, fill, submit or withdraw one's own application
  | 'application.read' // see an application (its answers, files, status)
  | 'application.review' // score an application, see the review queue entry
  | 'application.comment' // staff comments (never shown to the applicant)
  | 'application.assign' // assign reviewers
  | 'application.decide' // accept, waitlist, reject, request information, reopen
  | 'application.override' // override the eligibility evaluation with a reason
  | 'admissions.settings'; // eligibility rules, review criteria, opening and closing

/** The facts about one application a decision needs (loaded by the use case, passed in). */
export interface ApplicationFacts {
  applicantId: string;
  reviewerIds: readonly string[];
}

const MANAGER_ONLY: readonly AdmissionsAction[] = [
  'application.assign',
  'application.decide',
  'application.override',
  'admissions.settings',
];

/** Managers (and the system actor: seed, jobs, CLI) do everything in admissions. */
export function isAdmissionsManager(actor: Actor): boolean {
  return actor.kind === 'system' || hasRole(actor, 'manager');
}

/** Reviewers are assessors (managers review too). */
export function isReviewer(actor: Actor): boolean {
  return isAdmissionsManager(actor) || hasRole(actor, 'assessor');
}

function isAssignedReviewer(actor: Actor, application: ApplicationFacts | undefined): boolean {
  return (
    actor.kind === 'user' &&
    hasRole(actor, 'assessor') &&
    (application?.reviewerIds.includes(actor.id) ?? false)
  );
}

/**
 * Pure: whether `canAdmissions` can depend on an application's reviewers for this actor (only an assessor who
 * is not a manager: whether they are assigned). For anyone else the answer is the same whatever the
 * reviewers, so a use case need not read them (an applicant's own pages and saves).
 */
export function dependsOnReviewers(actor: Actor): boolean {
  return actor.kind === 'user' && hasRole(actor, 'assessor') && !isAdmissionsManager(actor);
}

/**
 * Pure: may the actor do `action` (on `application` when the action is about one)? Actions about one
 * application without its facts are answered for "some application" (e.g. the review queue): an assessor
 * may review some application, an applicant may read their own.
 */
export function canAdmissions(
  actor: Actor,
  action: AdmissionsAction,
  application?: ApplicationFacts,
): boolean {
  // Applying is personal: only the applicant fills or submits their own application, whatever their roles.
  if (action === 'application.apply')
    return actor.kind === 'user' && (application === undefined || application.applicantId === actor.id);
  if (isAdmissionsManager(actor)) return true;
  if (actor.kind !== 'user') return false;
  if (MANAGER_ONLY.includes(action)) return false;
  switch (action) {
    case 'application.read':
      if (application === undefined) return true;
      return application.applicantId === actor.id || isAssignedReviewer(actor, application);
    case 'application.review':
    case 'application.comment':
      if (application === undefined) return hasRole(actor, 'assessor');
      return isAssignedReviewer(actor, application);
    default:
      return false;
  }
}

/** Pure: may the actor open the staff review queue (managers see all, assessors their assignments)? */
export function canSeeReviewQueue(actor: Actor): boolean {
  return isReviewer(actor) && actor.kind !== 'anonymous';
}
