import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { type AuditEventInput, audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import type { CandidacyChangeAction } from './pathway.audit.js';
import { canPathway } from './pathway.policy.js';
import { findCandidacy } from './pathway.repository.js';
import type { CandidacyRow } from './pathway.tables.js';
import { displayStatus } from './rules/pathway-status.js';
import { refreshStandings } from './standing.js';

/**
 * The shared shape of every change to a candidacy: authorise, load it inside the transaction, let the
 * change check the state and write, re-evaluate the standing, and audit before → after (the standing
 * status included), all in one transaction.
 */
export async function changeCandidacy(
  db: Executor,
  deps: Services,
  actor: Actor,
  candidacyId: string,
  action: CandidacyChangeAction,
  change: (trx: Executor, row: CandidacyRow) => Promise<{ before: unknown; after: unknown }>,
): Promise<void> {
  ensure(actor, canPathway(actor, 'candidates.manage'));
  if (!isId(candidacyId)) throw new AppError('not_found');
  const today = deps.clock.now().toISOString().slice(0, 10);
  await inTransaction(db, async (trx) => {
    const row = await findCandidacy(trx, candidacyId);
    if (!row) throw new AppError('not_found');
    const { before, after } = await change(trx, row);
    const fresh = await findCandidacy(trx, candidacyId);
    const evaluations = await refreshStandings(trx, [fresh!], today);
    const evaluated = evaluations.get(candidacyId)?.status ?? fresh!.standing_status;
    // Each change's payload is checked against its action's schema by audit() (the standing added here).
    await audit(trx, deps.clock, actor, {
      action,
      targetType: 'candidacy',
      targetId: candidacyId,
      // Both sides as the cached standing shows it ('reinstated' included), so that an unchanged
      // standing reads the same before and after.
      before: { ...(before as object), standing: row.standing_status },
      after: { ...(after as object), standing: displayStatus(fresh!.status, evaluated) },
    } as AuditEventInput);
  });
}
