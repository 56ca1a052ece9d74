import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { type Actor, actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { parseInput } from '../../../kernel/validation.js';
import { notify } from '../../notifications/notify.js';
import { nextStatus } from '../application.js';
import { updateApplicationRow } from '../applications.repository.js';
import { reasonSchema } from './review.schemas.js';
import { loadForStaff } from './review-access.js';
import { markDecisionsReopened } from './reviews.repository.js';

/**
 * Reopens the decision on an application (managers, with a reason; audited): the application goes back
 * under review, the decision stays in the history marked as reopened, and reviewers may change their
 * scores again. When the decision was an acceptance, the candidacy it created is NOT deleted or withdrawn:
 * the person stays a candidate (results may already count) and the application keeps its link to the
 * candidacy; a manager who wants to end it withdraws it on the candidate's page (an audited act of its
 * own). Accepting again later reuses that candidacy. The applicant is told (in the platform and by email).
 */
export async function reopenDecision(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  input: unknown,
): Promise<{ status: string; candidacyId: string | null }> {
  await loadForStaff(db, actor, applicationId, 'application.decide');
  const { reason } = parseInput(reasonSchema, input);
  return inTransaction(db, async (trx) => {
    const { row, status } = await loadForStaff(trx, actor, applicationId, 'application.decide', {
      lock: true,
    });
    const next = nextStatus(status, 'reopen');
    if (!next) throw new AppError('invalid_state', { reason: 'not-decided' });
    const at = deps.clock.now().toISOString();
    await markDecisionsReopened(trx, applicationId, {
      reopened_by: actorId(actor),
      reopened_at: at,
      reopen_reason: reason,
    });
    await updateApplicationRow(trx, applicationId, {
      status: next,
      decision: null,
      decision_message: null,
      decided_by: null,
      decided_at: null,
      updated_at: at,
    });
    await notify(trx, deps.clock, {
      recipientId: row.user_id,
      event: { kind: 'application.reopened', applicationId, programmeId: row.programme_id },
      key: `application.reopened:${applicationId}:${at}`,
    });
    await audit(trx, deps.clock, actor, {
      action: 'application.reopened',
      targetType: 'application',
      targetId: applicationId,
      before: { status, decision: row.decision, candidacyId: row.candidacy_id },
      after: { status: next, reason, candidacyKept: row.candidacy_id },
    });
    return { status: next, candidacyId: row.candidacy_id };
  });
}
