import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { type RecordedOutcome, recordItemOutcome } from './record-item-outcome.js';
import { spaceAccess } from './space-access.js';
import { toItemRef } from './space-items.js';
import { lockOf } from './spaces.js';
import { findItem, listProgress } from './spaces.repository.js';

/**
 * A participant marks an item of their edition's space as done (a page's "mark as done"). Refused while
 * the item is not open to them yet; an item of another edition is not found.
 */
export async function markItemDone(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  itemId: string,
): Promise<RecordedOutcome> {
  const access = await spaceAccess(db, actor, editionId);
  ensure(actor, access.can.learn);
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const row = await findItem(db, itemId);
  if (!row || !access.space || row.space_id !== access.space.id) throw new AppError('not_found');
  const item = toItemRef(row, editionId);
  if (item.completionRule !== 'marked-done' && item.completionRule !== 'viewed')
    throw new AppError('invalid_state', {}, [{ path: 'item', key: 'spaces.error.notMarkable' }]);
  const done = new Set(
    (await listProgress(db, [access.space.id], [actor.id]))
      .filter((p) => p.completed_at)
      .map((p) => p.item_id),
  );
  if (lockOf(item, deps.clock.now().toISOString(), done))
    throw new AppError('invalid_state', {}, [{ path: 'item', key: 'spaces.error.locked' }]);
  return recordItemOutcome(db, deps, {
    itemId: item.id,
    personId: actor.id,
    outcome: { kind: 'marked-done' },
  });
}
