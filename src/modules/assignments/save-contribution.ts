import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { assignmentAccess, ensureSubmit } from './assignment-access.js';
import { upsertContribution } from './assignments.repository.js';
import { contributionSchema } from './assignments.schemas.js';
import { openDraft } from './save-draft.js';
import { toSettings, workUnitOf } from './submission-state.js';

/**
 * A member states what they contributed to their group's open draft (group work only; one statement per
 * member, replaced when saved again). Makes the group's draft when there is none yet.
 */
export async function saveContribution(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
  input: unknown,
): Promise<void> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureSubmit(access);
  if (!toSettings(access.assignment).groupWork) throw new AppError('invalid_state');
  const { statement } = parseInput(contributionSchema, input);
  await inTransaction(db, async (trx) => {
    const draft = await openDraft(trx, deps, access);
    const now = deps.clock.now().toISOString();
    await upsertContribution(trx, {
      id: newId(),
      submission_id: draft.id,
      person_id: access.userId,
      statement,
      updated_at: now,
    });
    const unit = await workUnitOf(trx, toSettings(access.assignment), access.userId);
    await audit(trx, deps.clock, actor, {
      action: 'assignments.contribution-saved',
      targetType: 'assignment_submission',
      targetId: draft.id,
      after: { attempt: draft.attempt, groupId: unit.groupId, length: statement.length },
    });
  });
}
