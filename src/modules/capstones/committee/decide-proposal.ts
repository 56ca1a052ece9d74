import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { notify } from '../../notifications/notify.js';
import { setCapstoneStatus } from '../../pathway/set-capstone-status.js';
import { capstoneAccess, ensureCapstone } from '../capstone-access.js';
import type { ProposalDecided } from '../capstone-notices.js';
import { canCapstone } from '../capstones.policy.js';
import { decisionSchema } from '../capstones.schemas.js';
import { moveCapstone } from '../move-capstone.js';

/**
 * The programme's capstone committee approves a submitted proposal, returns it for changes or rejects it,
 * with a comment (required unless approving). Audited; the candidate is told in their language. An
 * approval marks the pathway's capstone requirement "in progress" through the pathway's own use case.
 */
export async function decideProposal(
  db: Executor,
  deps: Services,
  actor: Actor,
  capstoneId: string,
  input: unknown,
): Promise<void> {
  ensure(actor, canCapstone(actor, 'capstones.decide'));
  const data = parseInput(decisionSchema, input);
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    const { row, can } = await capstoneAccess(trx, actor, capstoneId, { lock: true });
    ensureCapstone(can.decide);
    const change = await moveCapstone(trx, row, data.decision, now, {
      committee_comment: data.comment || null,
      decided_by: actor.kind === 'user' ? actor.id : null,
      decided_at: now,
    });
    await audit(trx, deps.clock, actor, {
      action: 'capstones.proposal-decided',
      targetType: 'capstone',
      targetId: row.id,
      before: change.before,
      after: { ...change.after, decision: data.decision, comment: data.comment },
    });
    if (data.decision === 'approve')
      await setCapstoneStatus(trx, deps, actor, row.candidacy_id, {
        status: 'in-progress',
        completedOn: null,
      });
    const event: ProposalDecided = {
      kind: 'capstones.proposal-decided',
      capstoneId: row.id,
      decision: data.decision,
      comment: data.comment || null,
    };
    await notify(trx, deps.clock, {
      recipientId: row.user_id,
      event,
      // One notice per decision (a proposal may be returned more than once).
      key: `capstones.proposal-decided:${row.id}:${newId()}`,
    });
  });
}
