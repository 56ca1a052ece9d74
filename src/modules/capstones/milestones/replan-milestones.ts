import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { toDateString } from '../../../kernel/clock.js';
import { AppError } from '../../../kernel/errors.js';
import { parseInput } from '../../../kernel/validation.js';
import { type Milestone, timelineProblems } from '../capstone.js';
import { capstoneAccess, ensureCapstone, stateError } from '../capstone-access.js';
import { candidacyStanding } from '../capstone-candidate.js';
import { listMilestonesReached, updateCapstone } from '../capstones.repository.js';
import { timelineSchema } from '../capstones.schemas.js';

/**
 * The supervisor (or a manager) plans an approved capstone's milestones again — typically once the
 * pathway granted the candidate an extension, which moves the end of the window and so the latest allowed
 * date. The dates must be in order, not before today for a milestone not yet reached, and inside the
 * candidate's window as extended so far; otherwise nothing changes. Audited (the plan before and after).
 */
export async function replanMilestones(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  capstoneId: string,
  input: unknown,
): Promise<void> {
  const data = parseInput(timelineSchema, input);
  const today = toDateString(deps.clock.now());
  await inTransaction(db, async (trx) => {
    const { row, can } = await capstoneAccess(trx, actor, capstoneId, { lock: true });
    ensureCapstone(can.supervise);
    if (row.state !== 'approved') throw stateError('capstones.error.notInProgress');
    const standing = await candidacyStanding(trx, row.candidacy_id, today);
    const reached = new Set((await listMilestonesReached(trx, row.id)).map((m) => m.milestone as Milestone));
    const timeline = { outline: data.outlineDue, draft: data.draftDue, final: data.finalDue };
    const problems = timelineProblems(timeline, { today, deadline: standing?.deadline ?? null }, reached);
    if (problems.length) throw new AppError('validation_failed', {}, problems);
    await updateCapstone(trx, row.id, {
      outline_due: data.outlineDue,
      draft_due: data.draftDue,
      final_due: data.finalDue,
      planned_deadline: standing?.deadline ?? null,
      updated_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'capstones.milestones-replanned',
      targetType: 'capstone',
      targetId: row.id,
      before: { outline: row.outline_due, draft: row.draft_due, final: row.final_due },
      after: timeline,
    });
  });
}
