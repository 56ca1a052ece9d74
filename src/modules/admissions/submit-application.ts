import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { notify } from '../notifications/notify.js';
import { loadAdmissionSettings } from './admission-settings.js';
import { submitInputSchema } from './admissions.schemas.js';
import { type ApplicationStatus, isAdmissionOpen, nextStatus } from './application.js';
import { applicationFor } from './application-access.js';
import { type Application, loadApplication, missingOf } from './application-view.js';
import { findApplicationRow, updateApplicationRow } from './applications.repository.js';
import { evaluateEligibility } from './eligibility.js';

/**
 * Submits the applicant's own application: every required answer and the CV are there, the programme is
 * still taking applications (for a first submission), and a justification is given when an eligibility
 * rule is not met. The eligibility, country and constituency are copied out for the review queue, and the
 * applicant is told that their application was received.
 */
export async function submitApplication(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  input: unknown,
): Promise<Application> {
  const { justification } = parseInput(submitInputSchema, input ?? {});
  return inTransaction(db, async (trx) => {
    const row = await applicationFor(trx, actor, applicationId, 'application.apply', { lock: true });
    const from = row.status as ApplicationStatus;
    const to = nextStatus(from, 'submit');
    if (!to) throw new AppError('invalid_state');
    const application = await loadApplication(trx, row);
    const missing = missingOf(application);
    if (missing.length > 0)
      throw new AppError(
        'validation_failed',
        {},
        missing.map((m) => ({ path: m.field, key: m.key, ...(m.values ? { values: m.values } : {}) })),
      );
    const settings = await loadAdmissionSettings(trx, row.programme_id);
    const today = deps.clock.now().toISOString().slice(0, 10);
    if (from === 'draft' && !isAdmissionOpen(settings, today))
      throw new AppError('invalid_state', { reason: 'closed' });
    const eligibility = evaluateEligibility(settings.eligibility, application.answers);
    if (!eligibility.eligible && !justification)
      throw new AppError('validation_failed', {}, [
        { path: 'justification', key: 'admissions.error.justificationRequired' },
      ]);
    const now = deps.clock.now().toISOString();
    await updateApplicationRow(trx, row.id, {
      status: to,
      submitted_at: row.submitted_at ?? now,
      step: 'review',
      country: application.answers.countryOfResidence ?? null,
      constituency: application.answers.constituency ?? null,
      eligible: eligibility.eligible ? 1 : 0,
      eligibility_json: JSON.stringify(eligibility),
      justification: eligibility.eligible ? null : (justification ?? null),
      updated_at: now,
    });
    await audit(trx, deps.clock, actor, {
      action: 'application.submitted',
      targetType: 'application',
      targetId: row.id,
      before: { status: from },
      after: { status: to, eligible: eligibility.eligible },
    });
    await notify(trx, deps.clock, {
      recipientId: row.user_id,
      event: { kind: 'application.received', applicationId: row.id, programmeId: row.programme_id },
      // A resubmission (after information was requested) is a new notice.
      key: from === 'draft' ? `application.received:${row.id}` : `application.received:${row.id}:${now}`,
    });
    return loadApplication(trx, (await findApplicationRow(trx, row.id))!);
  });
}
