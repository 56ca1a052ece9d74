import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { type Actor, actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { recordAcceptedApplicantDetails } from '../../identity/account/record-applicant-details.js';
import { notify } from '../../notifications/notify.js';
import { registerAcceptedApplicant } from '../../pathway/register-candidate.js';
import { type Decision, nextStatus } from '../application.js';
import { updateApplicationRow } from '../applications.repository.js';
import { decideSchema } from './review.schemas.js';
import { loadForStaff } from './review-access.js';
import { findProgrammeSlug, insertDecision } from './reviews.repository.js';

export interface DecisionOutcome {
  decisionId: string;
  decision: Decision;
  status: string;
  /** The candidacy of an accepted applicant (new, or the one they already had). */
  candidacyId: string | null;
}

/**
 * The committee's decision on an application (managers): accept, waitlist, reject or request more
 * information, with a message to the applicant. In one transaction: the decision joins the history, the
 * application's status changes, an accepted applicant becomes a diploma candidate on the rule version in
 * force today (pathway) with the application's country and constituency on their record (identity), the audit event is written and the applicant is notified (in-platform and by
 * email, in their language). Asking for more information needs a message saying what is missing.
 */
export async function decideApplication(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  input: unknown,
): Promise<DecisionOutcome> {
  await loadForStaff(db, actor, applicationId, 'application.decide');
  const { decision, message } = parseInput(decideSchema, input);
  if (decision === 'request-info' && message === null)
    throw new AppError('validation_failed', {}, [{ path: 'message', key: 'review.error.messageNeeded' }]);
  return inTransaction(db, async (trx) => {
    const { row, status } = await loadForStaff(trx, actor, applicationId, 'application.decide', {
      lock: true,
    });
    const next = nextStatus(status, decision);
    if (!next) throw new AppError('invalid_state', { reason: 'not-decidable' });
    const now = deps.clock.now();
    const at = now.toISOString();
    const decisionId = newId();
    let candidacyId = row.candidacy_id;
    if (decision === 'accept') {
      const programmeSlug = (await findProgrammeSlug(trx, row.programme_id)) ?? row.programme_id;
      const candidacy = await registerAcceptedApplicant(trx, deps.clock, actor, {
        programmeId: row.programme_id,
        programmeSlug,
        userId: row.user_id,
        registeredOn: at.slice(0, 10),
      });
      candidacyId = candidacy.id;
      // The candidate record shows where they come from: identity owns the person, and changes it.
      await recordAcceptedApplicantDetails(trx, deps.clock, actor, {
        userId: row.user_id,
        country: row.country,
        constituency: row.constituency,
      });
    }
    await insertDecision(trx, {
      id: decisionId,
      application_id: applicationId,
      decision,
      message,
      decided_by: actorId(actor),
      decided_at: at,
      reopened_by: null,
      reopened_at: null,
      reopen_reason: null,
    });
    await updateApplicationRow(trx, applicationId, {
      status: next,
      decision,
      decision_message: message,
      decided_by: actorId(actor),
      decided_at: at,
      candidacy_id: candidacyId,
      updated_at: at,
    });
    await audit(trx, deps.clock, actor, {
      action: 'application.decided',
      targetType: 'application',
      targetId: applicationId,
      before: { status },
      after: { status: next, decision, decisionId, message, candidacyId },
    });
    await notify(trx, deps.clock, {
      recipientId: row.user_id,
      event: { kind: 'application.decided', applicationId, programmeId: row.programme_id, decision, message },
      key: `application.decided:${decisionId}`,
    });
    return { decisionId, decision, status: next, candidacyId };
  });
}
