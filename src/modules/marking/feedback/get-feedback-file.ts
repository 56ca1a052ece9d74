import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { DOCUMENT_CONTENT_TYPES, type DocumentType } from '../../../kernel/document-type.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { findFeedbackFile, findSubmission } from '../marking.repository.js';
import { submissionAccess } from '../marking-access.js';

/** The name a feedback file is downloaded under: `feedback-1.pdf` (never an uploaded name). */
export const feedbackFileName = (rank: number, type: string) => `feedback-${rank}.${type}`;

/**
 * A feedback file: its participant once the mark is released (never before); the submission's markers,
 * staff and sample examiners at any time. Anyone else: not found.
 */
export async function getFeedbackFile(
  db: Executor,
  deps: Pick<Services, 'storage'>,
  actor: Actor,
  fileId: string,
): Promise<{ bytes: Uint8Array; fileName: string; contentType: string }> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const file = isId(fileId) ? await findFeedbackFile(db, fileId) : undefined;
  if (!file) throw new AppError('not_found');
  const submission = await findSubmission(db, file.submission_id);
  if (!submission) throw new AppError('not_found');
  const participant = actor.kind === 'user' && submission.participant_id === actor.id;
  if (!participant || submission.state !== 'released') await submissionAccess(db, actor, submission.id);
  const bytes = await deps.storage.get(file.storage_key);
  if (!bytes) throw new AppError('not_found');
  return {
    bytes,
    fileName: feedbackFileName(file.rank, file.type),
    contentType: DOCUMENT_CONTENT_TYPES[file.type as DocumentType],
  };
}
