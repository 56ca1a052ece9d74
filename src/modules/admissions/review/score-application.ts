import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { parseInput } from '../../../kernel/validation.js';
import { loadAdmissionSettings } from '../admission-settings.js';
import { nextStatus } from '../application.js';
import { updateApplicationRow } from '../applications.repository.js';
import { checkScores, isScorable } from './review.js';
import { scoreApplicationSchema } from './review.schemas.js';
import { loadForStaff } from './review-access.js';
import { findScoreRow, upsertScore } from './reviews.repository.js';

/**
 * A reviewer scores an application against the programme's criteria, with a recommendation and a note.
 * Only the reviewers assigned to it score (a manager too when assigned); each may change their own score
 * until the committee decides. Audited with the score before and after.
 */
export async function scoreApplication(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  input: unknown,
): Promise<{ total: number }> {
  await loadForStaff(db, actor, applicationId, 'application.review');
  const data = parseInput(scoreApplicationSchema, input);
  if (actor.kind !== 'user') throw new AppError('forbidden');
  return inTransaction(db, async (trx) => {
    const { row, status, reviewerIds } = await loadForStaff(trx, actor, applicationId, 'application.review', {
      lock: true,
    });
    if (!reviewerIds.includes(actor.id)) throw new AppError('forbidden');
    if (!isScorable(status)) throw new AppError('invalid_state', { reason: 'decided' });
    const { criteria } = await loadAdmissionSettings(trx, row.programme_id);
    const checked = checkScores(criteria, data.scores);
    if (checked.errors.length > 0) throw new AppError('validation_failed', {}, checked.errors);
    const before = await findScoreRow(trx, applicationId, actor.id);
    const now = deps.clock.now().toISOString();
    await upsertScore(trx, {
      application_id: applicationId,
      reviewer_id: actor.id,
      scores_json: JSON.stringify(checked.points),
      total: checked.total,
      recommendation: data.recommendation,
      note: data.note,
      submitted_at: before?.submitted_at ?? now,
      updated_at: now,
    });
    const underReview = nextStatus(status, 'start-review');
    if (underReview) await updateApplicationRow(trx, applicationId, { status: underReview, updated_at: now });
    await audit(trx, deps.clock, actor, {
      action: 'application.scored',
      targetType: 'application',
      targetId: applicationId,
      before: before
        ? {
            scores: JSON.parse(before.scores_json),
            total: before.total,
            recommendation: before.recommendation,
          }
        : undefined,
      after: { scores: checked.points, total: checked.total, recommendation: data.recommendation },
    });
    return { total: checked.total };
  });
}
