import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { auditRows, insertAuditRows } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { canPlaces } from '../places.policy.js';
import { confirmEnrolmentsWithResults, insertEnrolmentRows } from '../places.repository.js';

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
  const rows = takenPlaceRows(deps, actor, input);
  await inTransaction(db, async (trx) => {
    await insertEnrolmentRows(trx, rows.enrolments);
    await insertAuditRows(trx, rows.audit);
    await confirmEnrolmentsWithResults(trx, input.confirm, deps.clock.now().toISOString());
  });
  return rows.enrolments.map((row) => row.id);
}

/**
 * The rows `recordTakenPlaces` writes for the new places (the places and their audit events), checked
 * and built without writing: an import stages them and copies them in its swap
 * (docs/decisions/0010-staged-writes.md). Confirming existing places is left to `recordTakenPlaces`.
 */
export function takenPlaceRows(deps: Services, actor: Actor, input: Omit<TakenPlaces, 'confirm'>) {
  ensure(actor, canPlaces(actor, 'places.manage'));
  const now = deps.clock.now().toISOString();
  const enrolments = input.create.map(({ editionId, userId }) => ({
    id: newId(),
    edition_id: editionId,
    user_id: userId,
    status: 'enrolled',
    created_at: now,
    updated_at: now,
  }));
  const audit = auditRows(
    deps.clock,
    actor,
    enrolments.map((row) => ({
      action: 'enrolment.created',
      targetType: 'user',
      targetId: row.user_id,
      after: {
        editionId: row.edition_id,
        ...(input.source.kind === 'import' ? { importId: input.source.importId } : {}),
      },
    })),
  );
  return { enrolments, audit };
}
