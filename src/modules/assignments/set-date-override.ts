import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { isConfirmedParticipant } from '../places/places.queries.js';
import { assignmentAccess, ensureManage } from './assignment-access.js';
import { deleteOverridesLike, insertOverride } from './assignments.repository.js';
import { overrideSchema } from './assignments.schemas.js';

/**
 * Sets a person's or a group's dates (replacing the earlier one of the same scope), or grants an individual
 * extension (a reason is required). Audited with the dates and the reason.
 */
export async function setDateOverride(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
  input: unknown,
): Promise<void> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureManage(access);
  const data = parseInput(overrideSchema, input);
  if (data.personId && !(await isConfirmedParticipant(db, access.assignment.edition_id, data.personId)))
    throw new AppError('validation_failed', {}, [{ path: 'personId', key: 'validation.invalidChoice' }]);
  const personId = data.scope === 'group' ? null : data.personId;
  const groupId = data.scope === 'group' ? data.groupId : null;
  await inTransaction(db, async (trx) => {
    await deleteOverridesLike(trx, access.assignment.id, data.scope, personId, groupId);
    await insertOverride(trx, {
      id: newId(),
      assignment_id: access.assignment.id,
      scope: data.scope,
      person_id: personId,
      group_id: groupId,
      opens_at: data.opensAt,
      due_at: data.dueAt,
      cutoff_at: data.cutoffAt,
      reason: data.reason,
      created_by: access.userId,
      created_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'assignments.dates-overridden',
      targetType: 'assignment',
      targetId: access.assignment.id,
      after: {
        scope: data.scope,
        personId,
        groupId,
        opensAt: data.opensAt,
        dueAt: data.dueAt,
        cutoffAt: data.cutoffAt,
        reason: data.reason,
      },
    });
  });
}
