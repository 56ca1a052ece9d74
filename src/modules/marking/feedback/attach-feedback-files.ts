/**
 * Feedback files of marking submissions: one uploaded on the marking page (a marker of the submission or
 * staff), or many at once by an owner module (a zip of feedback matched by participant number). PDF or
 * DOCX by content, at most FEEDBACK_FILES_MAX per submission, kept in the file storage and released to
 * the participant with the mark (never before). All or nothing: a bad file refuses the whole batch.
 */
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { documentTypeOf } from '../../../kernel/document-type.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { UploadedUserFile } from '../../../kernel/uploaded-file.js';
import { insertFeedbackFile, listFeedbackFiles } from '../marking.repository.js';
import { ensureCan, submissionAccess } from '../marking-access.js';

export const FEEDBACK_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const FEEDBACK_FILES_MAX = 10;

export interface FeedbackFileInput {
  submissionId: string;
  bytes: Uint8Array;
  /** What the file was called (for error messages only). */
  label: string;
}

function problem(key: string, values: Record<string, string | number>): AppError {
  return new AppError('validation_failed', {}, [{ path: 'file', key, values }]);
}

/**
 * Permission-free (the caller has checked who acts and that each submission is theirs to give feedback
 * on): stores the files and records them, in the caller's transaction. Storage writes are undone when the
 * batch is refused.
 */
export async function attachFeedbackFiles(
  db: Executor,
  deps: Pick<Services, 'clock' | 'storage'>,
  actor: Actor,
  files: readonly FeedbackFileInput[],
): Promise<number> {
  for (const file of files) {
    if (file.bytes.length > FEEDBACK_FILE_MAX_BYTES)
      throw problem('marking.error.feedbackTooLarge', {
        name: file.label,
        size: FEEDBACK_FILE_MAX_BYTES / 1048576,
      });
    if (!documentTypeOf(file.bytes)) throw problem('marking.error.feedbackType', { name: file.label });
  }
  const stored: string[] = [];
  try {
    return await inTransaction(db, async (trx) => {
      const existing = await listFeedbackFiles(trx, [...new Set(files.map((f) => f.submissionId))]);
      const ranks = new Map<string, number>();
      for (const row of existing)
        ranks.set(row.submission_id, Math.max(ranks.get(row.submission_id) ?? 0, row.rank));
      const now = deps.clock.now().toISOString();
      for (const file of files) {
        const rank = (ranks.get(file.submissionId) ?? 0) + 1;
        if (rank > FEEDBACK_FILES_MAX)
          throw problem('marking.error.feedbackTooMany', { name: file.label, max: FEEDBACK_FILES_MAX });
        ranks.set(file.submissionId, rank);
        const id = newId();
        const type = documentTypeOf(file.bytes) as string;
        const key = `marking/feedback/${id}.${type}`;
        await deps.storage.put(key, file.bytes);
        stored.push(key);
        await insertFeedbackFile(trx, {
          id,
          submission_id: file.submissionId,
          rank,
          type,
          size_bytes: file.bytes.length,
          storage_key: key,
          uploaded_by: actorId(actor),
          uploaded_at: now,
        });
        await audit(trx, deps.clock, actor, {
          action: 'marking.feedback-file-added',
          targetType: 'marking_submission',
          targetId: file.submissionId,
          after: { fileId: id, rank, type },
        });
      }
      return files.length;
    });
  } catch (error) {
    for (const key of stored) await deps.storage.delete(key);
    throw error;
  }
}

/** One feedback file uploaded on the marking page: a marker of the submission or staff, before release. */
export async function uploadFeedbackFile(
  db: Executor,
  deps: Pick<Services, 'clock' | 'storage'>,
  actor: Actor,
  submissionId: string,
  file: UploadedUserFile,
): Promise<void> {
  const access = await submissionAccess(db, actor, submissionId);
  ensureCan(access.can.manage || access.can.mark);
  if (access.submission.state === 'released') throw new AppError('invalid_state');
  if (file.tooLarge)
    throw problem('marking.error.feedbackTooLarge', {
      name: file.fileName ?? '',
      size: FEEDBACK_FILE_MAX_BYTES / 1048576,
    });
  await attachFeedbackFiles(db, deps, actor, [
    { submissionId: access.submission.id, bytes: file.bytes, label: file.fileName ?? '' },
  ]);
}
