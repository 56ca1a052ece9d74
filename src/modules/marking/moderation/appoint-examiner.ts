import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { type Actor, hasRole } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { findPerson } from '../../identity/identity.queries.js';
import { insertExaminer } from '../marking.repository.js';
import { examinerInput } from './examiner-input.js';

/**
 * A manager appoints an external examiner (an assessor) to a marking context — an edition, or a programme
 * for its capstones: read-only access to the context's moderation sample (both marks, the agreement, the
 * submission blind). Audited.
 */
export async function appointExaminer(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  contextId: string,
  input: unknown,
): Promise<void> {
  const personId = await examinerInput(db, actor, contextId, input);
  const person = await findPerson(db, personId);
  const asActor = person
    ? ({ kind: 'user', id: person.id, roles: person.roles, via: 'session' } as const)
    : null;
  if (!asActor || person?.disabled || !hasRole(asActor, 'assessor'))
    throw new AppError('validation_failed', {}, [{ path: 'personId', key: 'marking.error.notAMarker' }]);
  await inTransaction(db, async (trx) => {
    await insertExaminer(
      trx,
      contextId,
      personId,
      actor.kind === 'user' ? actor.id : null,
      deps.clock.now().toISOString(),
    );
    await audit(trx, deps.clock, actor, {
      action: 'marking.examiner-appointed',
      targetType: 'marking_context',
      targetId: contextId,
      after: { contextId, personId },
    });
  });
}
