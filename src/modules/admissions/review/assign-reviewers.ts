import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { type Actor, actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { nextStatus } from '../application.js';
import { updateApplicationRow } from '../applications.repository.js';
import { isAssignable } from './review.js';
import { assignReviewerSchema } from './review.schemas.js';
import { loadForStaff } from './review-access.js';
import { deleteReviewer, findScoreRow, insertReviewer, isAssessor } from './reviews.repository.js';

/**
 * Assigns a reviewer (a person with the assessor role, not the applicant) to an application (managers).
 * Assigning someone already assigned changes nothing. A submitted application goes under review.
 */
export async function assignReviewer(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  input: unknown,
): Promise<{ assigned: boolean }> {
  await loadForStaff(db, actor, applicationId, 'application.assign');
  const { reviewerId } = parseInput(assignReviewerSchema, input);
  return inTransaction(db, async (trx) => {
    const { row, status } = await loadForStaff(trx, actor, applicationId, 'application.assign', {
      lock: true,
    });
    if (!isAssignable(status)) throw new AppError('invalid_state', { reason: 'not-assignable' });
    if (reviewerId === row.user_id)
      throw new AppError('validation_failed', {}, [
        { path: 'reviewerId', key: 'review.error.ownApplication' },
      ]);
    if (!(await isAssessor(trx, reviewerId)))
      throw new AppError('validation_failed', {}, [{ path: 'reviewerId', key: 'review.error.notAssessor' }]);
    const now = deps.clock.now().toISOString();
    const assigned = await insertReviewer(trx, {
      application_id: applicationId,
      reviewer_id: reviewerId,
      assigned_by: actorId(actor),
      assigned_at: now,
    });
    if (!assigned) return { assigned: false };
    const underReview = nextStatus(status, 'start-review');
    if (underReview) await updateApplicationRow(trx, applicationId, { status: underReview, updated_at: now });
    await audit(trx, deps.clock, actor, {
      action: 'application.reviewer-assigned',
      targetType: 'application',
      targetId: applicationId,
      before: { status },
      after: { reviewerId, status: underReview ?? status },
    });
    return { assigned: true };
  });
}

/**
 * Removes a reviewer from an application (managers). A reviewer who has already scored stays: their score
 * is part of the record the committee decided on.
 */
export async function unassignReviewer(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  reviewerId: string,
): Promise<void> {
  await loadForStaff(db, actor, applicationId, 'application.assign');
  if (!isId(reviewerId)) throw new AppError('not_found');
  await inTransaction(db, async (trx) => {
    await loadForStaff(trx, actor, applicationId, 'application.assign', { lock: true });
    if (await findScoreRow(trx, applicationId, reviewerId))
      throw new AppError('invalid_state', { reason: 'reviewer-has-scored' });
    if (!(await deleteReviewer(trx, applicationId, reviewerId))) throw new AppError('not_found');
    await audit(trx, deps.clock, actor, {
      action: 'application.reviewer-unassigned',
      targetType: 'application',
      targetId: applicationId,
      before: { reviewerId },
    });
  });
}
