import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { answerOwnerOf } from './answer-owner.js';
import { caseAccessFor } from './case-access.js';
import { isOpenForAnswers } from './case-study.js';
import { findAnswer, findCase, insertAnswer, updateAnswer } from './cases.repository.js';
import { answerSchema } from './cases.schemas.js';

/**
 * Writes the participant's answer (or their group's: any member edits the group's one answer) until the
 * deadline. Participants of the edition.
 */
export async function saveAnswer(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: unknown,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const access = await caseAccessFor(db, actor, itemId, 'case.answer', now);
  const data = parseInput(answerSchema, input);
  const row = await findCase(db, access.item.id);
  if (!isOpenForAnswers(row?.deadline_at ?? null, now))
    throw new AppError('invalid_state', {}, [{ path: 'body', key: 'cases.error.closed' }]);
  const owner = await answerOwnerOf(db, row, actor);
  if (!owner || actor.kind !== 'user')
    throw new AppError('invalid_state', {}, [{ path: 'body', key: 'cases.error.noGroup' }]);
  await inTransaction(db, async (trx) => {
    const existing = await findAnswer(trx, access.item.id, owner);
    if (existing)
      await updateAnswer(trx, existing.id, { body: data.body, submitted_by: actor.id, updated_at: now });
    else
      await insertAnswer(trx, {
        id: newId(),
        item_id: access.item.id,
        owner_type: owner.type,
        owner_id: owner.id,
        body: data.body,
        submitted_by: actor.id,
        updated_at: now,
        feedback: null,
        feedback_by: null,
        feedback_at: null,
      });
    await audit(trx, deps.clock, actor, {
      action: 'cases.answer-saved',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { ownerType: owner.type, length: data.body.length },
    });
  });
}
