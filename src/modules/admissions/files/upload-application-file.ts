import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { type ApplicationStatus, isEditableByApplicant } from '../application.js';
import { applicationFor } from '../application-access.js';
import { type ApplicationFile, toApplicationFile } from '../application-view.js';
import {
  deleteApplicationFileRow,
  findApplicationFileRow,
  insertApplicationFileRow,
} from '../applications.repository.js';
import {
  applicationFileKey,
  checkApplicationFile,
  displayFileName,
  sha256Of,
  type UploadedApplicationFile,
} from './application-files.js';

/**
 * Stores a document of the applicant's own application (the CV or the sponsor's letter), replacing the
 * previous one of that kind. The bytes go to the storage port under a generated key; the row records its
 * size and SHA-256. Nothing is kept when anything fails.
 */
export async function uploadApplicationFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  input: { kind: unknown; file: UploadedApplicationFile },
): Promise<ApplicationFile> {
  // Who may, before what: someone who may not touch the application learns nothing about the file.
  const row = await applicationFor(db, actor, applicationId, 'application.apply');
  if (!isEditableByApplicant(row.status as ApplicationStatus)) throw new AppError('invalid_state');
  const kind = checkApplicationFile(input.kind, input.file);
  const id = newId();
  const key = applicationFileKey(row.id, id);
  const now = deps.clock.now().toISOString();
  const stored = {
    id,
    application_id: row.id,
    kind,
    original_name: displayFileName(input.file.fileName, kind),
    size_bytes: input.file.bytes.length,
    sha256: sha256Of(input.file.bytes),
    storage_key: key,
    uploaded_at: now,
  };
  await deps.storage.put(key, input.file.bytes);
  let replacedKey: string | null = null;
  try {
    await inTransaction(db, async (trx) => {
      const locked = await applicationFor(trx, actor, applicationId, 'application.apply', { lock: true });
      if (!isEditableByApplicant(locked.status as ApplicationStatus)) throw new AppError('invalid_state');
      const previous = await findApplicationFileRow(trx, row.id, kind);
      if (previous) {
        await deleteApplicationFileRow(trx, previous.id);
        replacedKey = previous.storage_key;
      }
      await insertApplicationFileRow(trx, stored);
      await audit(trx, deps.clock, actor, {
        action: 'application.file-uploaded',
        targetType: 'application',
        targetId: row.id,
        after: { kind, sizeBytes: stored.size_bytes, sha256: stored.sha256 },
      });
    });
  } catch (error) {
    await deps.storage.delete(key).catch(() => {});
    throw error;
  }
  if (replacedKey) await deps.storage.delete(replacedKey).catch(() => {});
  return toApplicationFile(stored);
}
