import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { auditMany } from '../../kernel/audit.js';
import { newId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { canPlaces } from './places.policy.js';
import { confirmEnrolmentsWithResults, insertEnrolmentRows } from './places.repository.js';

/** People who took an edition, as a record of results says (a results import). */
export interface TakenPlaces {
  /** New confirmed places to make (no place of the person in the edition exists). */
  create: readonly { editionId: string; userId: string }[];
  /** Existing requests, waiting-list entries or declined requests that the results show were taken. */
  confirm: readonly string[];
  /** Where the record comes from (audited with each place): a results import, or the demo seed. */
  source: { kind: 'import'; importId: string } | { kind: 'seed' };
}

/**
 * Records places that were taken, as results recorded afterwards show (programme managers, through a
 * results import; audited): new confirmed places are made and pending ones confirmed. Capacity and the
 * waiting list do not apply: the edition happened and these people took it. Returns the new places' ids
 * in the order of `create`. Runs in the caller's transaction when given one (the import's chunk).
 */
export async function recordTakenPlaces(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: TakenPlaces,
): Promise<string[]> {
  ensure(actor, canPlaces(actor, 'places.manage'));
  const now = deps.clock.now().toISOString();
  const rows = input.create.map(({ editionId, userId }) => {
    const id = newId();
    return {
      id,
      edition_id: editionId,
      user_id: userId,
      status: 'enrolled',
      created_at: now,
      updated_at: now,
    };
  });
  await inTransaction(db, async (trx) => {
    await insertEnrolmentRows(trx, rows);
    await auditMany(
      trx,
      deps.clock,
      actor,
      rows.map((row) => ({
        action: 'enrolment.created',
        targetType: 'user',
        targetId: row.user_id,
        after: {
          editionId: row.edition_id,
          ...(input.source.kind === 'import' ? { importId: input.source.importId } : {}),
        },
      })),
    );
    await confirmEnrolmentsWithResults(trx, input.confirm, now);
  });
  return rows.map((row) => row.id);
}
