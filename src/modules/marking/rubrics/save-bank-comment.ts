import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { canMarking } from '../marking.policy.js';
import { deleteBankComment, findRubric, insertBankComment } from './marking-rubrics.repository.js';
import { COMMENT_MAX } from './rubric.js';

export const bankCommentSchema = z.object({
  text: z.string().trim().min(1, 'validation.required').max(COMMENT_MAX, 'validation.tooLong'),
  rubricId: z
    .union([z.literal(''), z.null(), z.string().uuid('validation.invalidChoice')])
    .optional()
    .transform((v) => v || null),
});

/** The marker acting on their own bank (assessors, facilitators, managers); returns their id. */
export function bankOwner(actor: Actor): string {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (actor.kind !== 'user' || !canMarking(actor, { facilitator: false, marker: false }, 'marking.beMarker'))
    throw new AppError('forbidden');
  return actor.id;
}

/** Adds a frequent comment to the marker's own bank, for one rubric or (no rubric) for any. */
export async function saveBankComment(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  input: unknown,
): Promise<{ id: string }> {
  const markerId = bankOwner(actor);
  const data = parseInput(bankCommentSchema, input);
  if (data.rubricId && !(await findRubric(db, data.rubricId)))
    throw new AppError('validation_failed', {}, [{ path: 'rubricId', key: 'validation.invalidChoice' }]);
  const id = newId();
  await inTransaction(db, async (trx) => {
    await insertBankComment(trx, {
      id,
      marker_id: markerId,
      rubric_id: data.rubricId,
      text: data.text,
      created_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'marking.bank-comment-added',
      targetType: 'marking_comment',
      targetId: id,
      after: { rubricId: data.rubricId },
    });
  });
  return { id };
}

/** Removes one of the marker's own bank comments (anyone else's is "not found"). */
export async function removeBankComment(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  commentId: string,
): Promise<void> {
  const markerId = bankOwner(actor);
  await inTransaction(db, async (trx) => {
    if (!(await deleteBankComment(trx, commentId, markerId))) throw new AppError('not_found');
    await audit(trx, deps.clock, actor, {
      action: 'marking.bank-comment-removed',
      targetType: 'marking_comment',
      targetId: commentId,
      before: { commentId },
    });
  });
}
