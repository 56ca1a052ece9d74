import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { assignmentAccess, ensureManage } from './assignment-access.js';
import { findSubmissionRow, updateSubmissionRow } from './assignments.repository.js';
import { reopenSchema } from './assignments.schemas.js';
import { attemptRowsOf } from './submission-state.js';

/**
 * Reopens a person's latest submitted attempt by hand (with a reason, audited): they may then start a new
 * attempt whatever the resubmission policy; the submitted attempt and its marking are kept.
 */
export async function reopenSubmission(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
  submissionId: string,
  input: unknown,
): Promise<void> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureManage(access);
  const data = parseInput(reopenSchema, input);
  if (!isId(submissionId)) throw new AppError('not_found');
  await inTransaction(db, async (trx) => {
    const row = await findSubmissionRow(trx, submissionId);
    if (!row || row.assignment_id !== access.assignment.id) throw new AppError('not_found');
    const work = { personId: row.person_id, groupId: row.group_id };
    const latest = (await attemptRowsOf(trx, row.assignment_id, work, { lock: true })).at(-1);
    if (row.status !== 'submitted' || latest?.id !== row.id || row.reopened_at)
      throw new AppError('invalid_state');
    await updateSubmissionRow(trx, row.id, {
      reopened_at: deps.clock.now().toISOString(),
      reopen_reason: data.reason,
    });
    await audit(trx, deps.clock, actor, {
      action: 'assignments.reopened',
      targetType: 'assignment_submission',
      targetId: row.id,
      after: { attempt: row.attempt, reason: data.reason },
    });
  });
}
