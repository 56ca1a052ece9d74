import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { assignmentAccess, ensureSubmit } from './assignment-access.js';
import { deleteFile, findFile } from './assignments.repository.js';
import { attemptRowsOf, toSettings, workUnitOf } from './submission-state.js';

/** Removes a file from the participant's own open draft (a submitted attempt's files are kept). */
export async function removeSubmissionFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
  fileId: string,
): Promise<void> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureSubmit(access);
  if (!isId(fileId)) throw new AppError('not_found');
  const key = await inTransaction(db, async (trx) => {
    const unit = await workUnitOf(trx, toSettings(access.assignment), access.userId);
    const draft = (await attemptRowsOf(trx, access.assignment.id, unit, { lock: true })).at(-1);
    const file = draft ? await findFile(trx, draft.id, fileId) : undefined;
    if (!draft || !file) throw new AppError('not_found');
    if (draft.status !== 'draft') throw new AppError('invalid_state');
    await deleteFile(trx, file.id);
    await audit(trx, deps.clock, actor, {
      action: 'assignments.file-removed',
      targetType: 'assignment_submission',
      targetId: draft.id,
      before: { sha256: file.sha256 },
    });
    return file.storage_key;
  });
  await deps.storage.delete(key).catch(() => {});
}
