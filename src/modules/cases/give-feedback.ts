import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { caseAccessFor } from './case-access.js';
import { findAnswerById, updateAnswer } from './cases.repository.js';
import { feedbackSchema } from './cases.schemas.js';

/** Writes the facilitator's feedback on an answer (its owner reads it on the case's page). Staff. */
export async function giveFeedback(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  answerId: string,
  input: unknown,
): Promise<void> {
  const access = await caseAccessFor(db, actor, itemId, 'case.manage', deps.clock.now().toISOString());
  const answer = isId(answerId) ? await findAnswerById(db, answerId) : undefined;
  if (!answer || answer.item_id !== access.item.id) throw new AppError('not_found');
  const data = parseInput(feedbackSchema, input);
  await inTransaction(db, async (trx) => {
    const now = deps.clock.now().toISOString();
    await updateAnswer(trx, answer.id, {
      feedback: data.feedback || null,
      feedback_by: actor.kind === 'user' ? actor.id : null,
      feedback_at: data.feedback ? now : null,
    });
    await audit(trx, deps.clock, actor, {
      action: 'cases.feedback-given',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { answerId: answer.id },
    });
  });
}
