import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { examinerInput } from './examiner-input.js';
import { deleteExaminer } from './marking-examiners.repository.js';

/**
 * A manager withdraws an external examiner from a marking context (an edition, or a programme for its
 * capstones): from the next request on they no longer reach its moderation sample. Withdrawing someone
 * who is not its examiner is refused and changes nothing. Audited.
 */
export async function withdrawExaminer(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  { contextId, personId: person }: { contextId: string; personId: unknown },
): Promise<void> {
  const personId = await examinerInput(db, actor, contextId, { personId: person });
  await inTransaction(db, async (trx) => {
    if (!(await deleteExaminer(trx, contextId, personId)))
      throw new AppError('validation_failed', {}, [{ path: 'personId', key: 'marking.error.notAnExaminer' }]);
    await audit(trx, deps.clock, actor, {
      action: 'marking.examiner-withdrawn',
      targetType: 'marking_context',
      targetId: contextId,
      before: { contextId, personId },
    });
  });
}
