import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { type ApplicationStatus, FILE_KINDS, isEditableByApplicant } from '../application.js';
import { applicationFor } from '../application-access.js';
import { deleteApplicationFileRow, findApplicationFileRow } from '../applications.repository.js';

/** Removes a document from the applicant's own application while they may still change it. */
export async function removeApplicationFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  kind: string,
): Promise<void> {
  let removedKey: string | null = null;
  await inTransaction(db, async (trx) => {
    const row = await applicationFor(trx, actor, applicationId, 'application.apply', { lock: true });
    if (!(FILE_KINDS as readonly string[]).includes(kind)) throw new AppError('not_found');
    if (!isEditableByApplicant(row.status as ApplicationStatus)) throw new AppError('invalid_state');
    const file = await findApplicationFileRow(trx, row.id, kind);
    if (!file) throw new AppError('not_found');
    await deleteApplicationFileRow(trx, file.id);
    removedKey = file.storage_key;
    await audit(trx, deps.clock, actor, {
      action: 'application.file-removed',
      targetType: 'application',
      targetId: row.id,
      before: { kind, sha256: file.sha256 },
    });
  });
  if (removedKey) await deps.storage.delete(removedKey).catch(() => {});
}
