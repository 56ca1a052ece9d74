import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { type ApplicationStatus, nextStatus } from './application.js';
import { applicationFor } from './application-access.js';
import { type Application, loadApplication } from './application-view.js';
import { findApplicationRow, updateApplicationRow } from './applications.repository.js';

/** The applicant withdraws their own application, before a final decision (accepted or rejected). */
export async function withdrawApplication(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
): Promise<Application> {
  return inTransaction(db, async (trx) => {
    const row = await applicationFor(trx, actor, applicationId, 'application.apply', { lock: true });
    const from = row.status as ApplicationStatus;
    const to = nextStatus(from, 'withdraw');
    if (!to) throw new AppError('invalid_state');
    await updateApplicationRow(trx, row.id, { status: to, updated_at: deps.clock.now().toISOString() });
    await audit(trx, deps.clock, actor, {
      action: 'application.withdrawn',
      targetType: 'application',
      targetId: row.id,
      before: { status: from },
      after: { status: to },
    });
    return loadApplication(trx, (await findApplicationRow(trx, row.id))!);
  });
}
