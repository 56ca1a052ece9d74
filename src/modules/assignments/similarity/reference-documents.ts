/**
 * Reference documents of an assignment's similarity check: staff upload PDF or DOCX files (by content, 20 MB,
 * 20 per assignment) whose text (DOCX by mammoth; a DOCX that cannot be read is refused, saying so) and its
 * fingerprints are kept at upload, every submission compared with them; removing one takes it out of the
 * check. Both audited.
 */
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { pdfText } from '../../../integrations/pdf-text.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { UploadedUserFile } from '../../../kernel/uploaded-file.js';
import { encodePrints, fingerprints } from '../../marking/similarity.js';
import { cleanFileName, fileTypeOf } from '../assignment.js';
import { assignmentAccess, ensureManage } from '../assignment-access.js';
import { readDocxText } from './docx-text.js';
import { deleteReference, insertReference, listReferences } from './similarity.repository.js';
import { similarityChanged } from './stored-pairs.js';

export const REFERENCE_MAX_BYTES = 20 * 1024 * 1024;
export const REFERENCES_MAX = 20;

function problem(key: string, values?: Record<string, number | string>): AppError {
  return new AppError('validation_failed', {}, [{ path: 'file', key, ...(values ? { values } : {}) }]);
}

/** Adds a reference document (its text extracted now); a file that is not a readable PDF/DOCX is refused. */
export async function uploadReferenceDocument(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
  file: UploadedUserFile,
): Promise<{ id: string }> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureManage(access);
  if (file.tooLarge || file.bytes.length > REFERENCE_MAX_BYTES)
    throw problem('assignments.error.fileTooLarge', { max: REFERENCE_MAX_BYTES / 1024 / 1024 });
  const type = fileTypeOf(file.bytes);
  if (!type) throw problem('assignments.error.fileType', { types: 'PDF, DOCX' });
  const read =
    type === 'docx'
      ? await readDocxText(file.bytes)
      : { unreadable: false as const, text: await pdfText(file.bytes) };
  if (read.unreadable) throw problem('assignments.error.referenceUnreadable');
  const { text } = read;
  if (text.trim() === '') throw problem('assignments.error.referenceNoText');
  if ((await listReferences(db, assignmentId)).length >= REFERENCES_MAX)
    throw problem('assignments.error.tooManyFiles', { max: REFERENCES_MAX });
  const id = newId();
  const key = `assignments/${assignmentId}/references/${id}.${type}`;
  const title = cleanFileName(file.fileName, `reference.${type}`);
  await deps.storage.put(key, file.bytes);
  try {
    await inTransaction(db, async (trx) => {
      await insertReference(trx, {
        id,
        assignment_id: assignmentId,
        title,
        type,
        size_bytes: file.bytes.length,
        storage_key: key,
        text,
        prints: encodePrints(fingerprints(text)),
        uploaded_by: access.userId,
        uploaded_at: deps.clock.now().toISOString(),
      });
      await similarityChanged(trx, deps.clock, {
        id: assignmentId,
        editionId: access.assignment.edition_id,
      });
      await audit(trx, deps.clock, actor, {
        action: 'assignments.reference-added',
        targetType: 'assignment',
        targetId: assignmentId,
        after: { title, type, sizeBytes: file.bytes.length },
      });
    });
  } catch (error) {
    await deps.storage.delete(key).catch(() => {});
    throw error;
  }
  return { id };
}

/** Removes a reference document of the assignment (another assignment's: not found). */
export async function removeReferenceDocument(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
  referenceId: string,
): Promise<void> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureManage(access);
  const reference = (await listReferences(db, assignmentId)).find((r) => r.id === referenceId);
  if (!reference) throw new AppError('not_found');
  await inTransaction(db, async (trx) => {
    await deleteReference(trx, reference.id);
    await similarityChanged(trx, deps.clock, { id: assignmentId, editionId: access.assignment.edition_id });
    await audit(trx, deps.clock, actor, {
      action: 'assignments.reference-removed',
      targetType: 'assignment',
      targetId: assignmentId,
      before: { title: reference.title },
    });
  });
  await deps.storage.delete(reference.storage_key).catch(() => {});
}
