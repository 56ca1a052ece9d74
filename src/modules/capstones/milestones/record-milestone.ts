import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { toDateString } from '../../../kernel/clock.js';
import { AppError } from '../../../kernel/errors.js';
import { parseInput } from '../../../kernel/validation.js';
import { capstoneAccess, ensureCapstone, stateOf } from '../capstone-access.js';
import { upsertMilestoneReached } from '../capstones.repository.js';
import { milestoneSchema } from '../capstones.schemas.js';

/**
 * The supervisor (or a manager) records that a capstone in progress reached a milestone — the outline or
 * the full draft — on a day not in the future. A reached milestone no longer warns the candidate nor puts
 * the capstone on the managers' at-risk list. Recording it again corrects the day. Audited.
 */
export async function recordMilestone(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  capstoneId: string,
  input: unknown,
): Promise<void> {
  const data = parseInput(milestoneSchema, input);
  await inTransaction(db, async (trx) => {
    const { row, can } = await capstoneAccess(trx, actor, capstoneId, { lock: true });
    ensureCapstone(can.supervise);
    if (!['approved', 'resubmission'].includes(stateOf(row)))
      throw new AppError('invalid_state', {}, [{ path: 'milestone', key: 'capstones.error.notInProgress' }]);
    if (data.reachedOn > toDateString(deps.clock.now()))
      throw new AppError('validation_failed', {}, [{ path: 'reachedOn', key: 'capstones.error.inFuture' }]);
    await upsertMilestoneReached(trx, {
      capstone_id: row.id,
      milestone: data.milestone,
      reached_on: data.reachedOn,
      recorded_by: actor.kind === 'user' ? actor.id : null,
      recorded_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'capstones.milestone-recorded',
      targetType: 'capstone',
      targetId: row.id,
      after: { milestone: data.milestone, reachedOn: data.reachedOn },
    });
  });
}
