import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { type AdmissionsAction, canAdmissions, canSeeReviewQueue } from '../admissions.policy.js';
import type { ApplicationStatus } from '../application.js';
import {
  type ApplicationRow,
  findApplicationRow,
  listReviewerIdsOf,
  lockApplicationRow,
} from '../applications.repository.js';
import { isVisibleToStaff } from './review.js';

/** An application as the staff side loads it, with the facts its policy needs. */
export interface StaffApplication {
  row: ApplicationRow;
  status: ApplicationStatus;
  reviewerIds: string[];
}

/**
 * Loads an application for a staff action and authorises it, in this order: someone who may never act on
 * applications as staff gets 401/403 before anything is looked up; an application that does not exist, is
 * still a draft, or is not assigned to the reviewer asking is "not found" (invisible, so it cannot be
 * probed); an assigned reviewer asking for a managers' action gets 403. `lock` locks the row for the
 * transaction (state guards are checked again inside it).
 */
export async function loadForStaff(
  db: Executor,
  actor: Actor,
  applicationId: string,
  action: AdmissionsAction,
  options: { lock?: boolean } = {},
): Promise<StaffApplication> {
  ensure(actor, canSeeReviewQueue(actor) && canAdmissions(actor, action));
  if (!isId(applicationId)) throw new AppError('not_found');
  const row = options.lock
    ? await lockApplicationRow(db, applicationId)
    : await findApplicationRow(db, applicationId);
  if (!row || !isVisibleToStaff(row.status, row.submitted_at)) throw new AppError('not_found');
  const reviewerIds = await listReviewerIdsOf(db, applicationId);
  const facts = { applicantId: row.user_id, reviewerIds };
  // Staff see an application when they may review it: managers, and the reviewers assigned to it.
  if (!canAdmissions(actor, 'application.review', facts)) throw new AppError('not_found');
  ensure(actor, canAdmissions(actor, action, facts));
  return { row, status: row.status as ApplicationStatus, reviewerIds };
}
