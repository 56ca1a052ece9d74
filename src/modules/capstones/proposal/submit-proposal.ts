import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { toDateString } from '../../../kernel/clock.js';
import { AppError } from '../../../kernel/errors.js';
import { proposalProblems } from '../capstone.js';
import { capstoneAccess, ensureCapstone, proposalOf, stateError } from '../capstone-access.js';
import { candidacyStanding } from '../capstone-candidate.js';
import { moveCapstone } from '../move-capstone.js';

/**
 * The candidate submits their proposal to the programme's capstone committee: only once the pathway
 * evaluation unlocks the capstone, with an approach for each counted course and milestones inside the
 * window. Audited.
 */
export async function submitProposal(
  db: Executor,
  deps: Services,
  actor: Actor,
  capstoneId: string,
): Promise<void> {
  const now = deps.clock.now();
  const today = toDateString(now);
  await inTransaction(db, async (trx) => {
    const { row, can } = await capstoneAccess(trx, actor, capstoneId, { lock: true });
    ensureCapstone(can.own);
    const standing = await candidacyStanding(trx, row.candidacy_id, today);
    if (!standing?.unlocked) throw stateError('capstones.error.locked');
    const problems = proposalProblems(proposalOf(row), standing.countedCourses, {
      today,
      deadline: standing.deadline,
    });
    if (problems.length) throw new AppError('validation_failed', {}, problems);
    // The window the plan was checked against: a later end since (an extension) offers the plan shifted.
    const change = await moveCapstone(trx, row, 'submit-proposal', now.toISOString(), {
      planned_deadline: standing.deadline,
    });
    await audit(trx, deps.clock, actor, {
      action: 'capstones.proposal-submitted',
      targetType: 'capstone',
      targetId: row.id,
      ...change,
    });
  });
}
