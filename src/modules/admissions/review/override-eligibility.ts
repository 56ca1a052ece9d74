import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { type Actor, actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { parseInput } from '../../../kernel/validation.js';
import { updateApplicationRow } from '../applications.repository.js';
import { reasonSchema } from './review.schemas.js';
import { loadForStaff } from './review-access.js';

/**
 * A manager overrides the eligibility evaluation of an application that did not meet the rules, with a
 * reason (audited). The automatic evaluation is kept as it was; the override is shown beside it.
 */
export async function overrideEligibility(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  input: unknown,
): Promise<void> {
  await loadForStaff(db, actor, applicationId, 'application.override');
  const { reason } = parseInput(reasonSchema, input);
  await inTransaction(db, async (trx) => {
    const { row } = await loadForStaff(trx, actor, applicationId, 'application.override', { lock: true });
    if (row.eligible === 1) throw new AppError('invalid_state', { reason: 'already-eligible' });
    const at = deps.clock.now().toISOString();
    await updateApplicationRow(trx, applicationId, {
      override_reason: reason,
      override_by: actorId(actor),
      override_at: at,
      updated_at: at,
    });
    await audit(trx, deps.clock, actor, {
      action: 'application.eligibility-overridden',
      targetType: 'application',
      targetId: applicationId,
      before: { eligible: row.eligible, overrideReason: row.override_reason },
      after: { overrideReason: reason },
    });
  });
}
