import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { UploadedUserFile as UploadedSubmissionFile } from '../../kernel/uploaded-file.js';
import { ensureParticipantNumber } from '../marking/marking.queries.js';
import { blindFileName, cleanFileName, fileTypeOf, sha256Hex } from './assignment.js';
import { assignmentAccess, ensureSubmit } from './assignment-access.js';
import { insertFile, listFiles } from './assignments.repository.js';
import { openDraft } from './save-draft.js';
import { toSettings } from './submission-state.js';

export type { UploadedSubmissionFile };

function fileProblem(key: string, values?: Record<string, number | string>): AppError {
  return new AppError('validation_failed', {}, [{ path: 'file', key, ...(values ? { values } : {}) }]);
}

/**
 * Adds a file to the participant's draft: type by content among the assignment's accepted types, within its
 * size and count limits. The stored copy is keyed by ids and named for markers by the participant number
 * (P-0042-1.pdf), so a marker never sees the uploaded name.
 */
export async function uploadSubmissionFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
  file: UploadedSubmissionFile,
): Promise<{ fileId: string }> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureSubmit(access);
  const settings = toSettings(access.assignment);
  if (!settings.acceptsFiles) throw new AppError('invalid_state');
  const maxMb = Math.round(settings.maxFileBytes / 1024 / 1024);
  if (file.tooLarge || file.bytes.length > settings.maxFileBytes)
    throw fileProblem('assignments.error.fileTooLarge', { max: maxMb });
  if (file.bytes.length === 0) throw fileProblem('assignments.error.fileEmpty');
  const type = fileTypeOf(file.bytes);
  if (!type || !settings.fileTypes.includes(type))
    throw fileProblem('assignments.error.fileType', { types: settings.fileTypes.join(', ').toUpperCase() });
  const id = newId();
  const key = `assignments/${settings.id}/${id}.${type}`;
  await deps.storage.put(key, file.bytes);
  try {
    await inTransaction(db, async (trx) => {
      const draft = await openDraft(trx, deps, access);
      const existing = await listFiles(trx, [draft.id]);
      if (existing.length >= settings.maxFiles)
        throw fileProblem('assignments.error.tooManyFiles', { max: settings.maxFiles });
      const rank = (existing.at(-1)?.rank ?? 0) + 1;
      const number = await ensureParticipantNumber(trx, settings.editionId, access.userId);
      const sha256 = sha256Hex(file.bytes);
      await insertFile(trx, {
        id,
        submission_id: draft.id,
        rank,
        type,
        original_name: cleanFileName(file.fileName, `file-${rank}.${type}`),
        marker_name: blindFileName(number, rank, type),
        size_bytes: file.bytes.length,
        sha256,
        storage_key: key,
        uploaded_at: deps.clock.now().toISOString(),
      });
      await audit(trx, deps.clock, actor, {
        action: 'assignments.file-uploaded',
        targetType: 'assignment_submission',
        targetId: draft.id,
        after: { type, sizeBytes: file.bytes.length, sha256 },
      });
    });
  } catch (error) {
    await deps.storage.delete(key).catch(() => {});
    throw error;
  }
  return { fileId: id };
}
