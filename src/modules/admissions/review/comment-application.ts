import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { type Actor, actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { commentSchema } from './review.schemas.js';
import { loadForStaff } from './review-access.js';
import { insertComment } from './reviews.repository.js';

/**
 * Adds a staff comment to an application (managers and its assigned reviewers; audited). Staff comments
 * are never shown to the applicant: no applicant page or API reads this table.
 */
export async function commentOnApplication(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  input: unknown,
): Promise<{ id: string }> {
  await loadForStaff(db, actor, applicationId, 'application.comment');
  const { body } = parseInput(commentSchema, input);
  const id = newId();
  await inTransaction(db, async (trx) => {
    await insertComment(trx, {
      id,
      application_id: applicationId,
      author_id: actorId(actor),
      body,
      created_at: deps.clock.now().toISOString(),
    });
    // The audit names the comment, not its text (the text stays in the staff-only table).
    await audit(trx, deps.clock, actor, {
      action: 'application.commented',
      targetType: 'application',
      targetId: applicationId,
      after: { commentId: id },
    });
  });
  return { id };
}
