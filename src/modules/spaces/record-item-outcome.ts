/**
 * Spaces' internal command for the item kinds: a kind (a page's "mark as done", a package's tracking, a
 * webinar's attendance) reports what a person did with an item, and the item's completion rule decides
 * whether it is now complete. Completion is kept once reached (a later failed attempt does not undo it);
 * the score is the last one reported. Permission-free: the kind's own use case has checked who acts.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { personActing } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import type { ItemOutcome } from './space-item-kind.js';
import { toItemRef } from './space-items.js';
import { outcomeCompletes } from './spaces.js';
import { findItem, findProgress, upsertProgress } from './spaces.repository.js';

const outcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['viewed', 'marked-done', 'completed', 'attended', 'submitted']) }),
  z.object({ kind: z.enum(['passed', 'failed']), score: z.number().int().min(0).max(10000).optional() }),
]);

/** What the person's progress on the item is after the outcome. */
export interface RecordedOutcome {
  complete: boolean;
  /** True when this outcome is the one that completed it. */
  newlyComplete: boolean;
}

/** Records an outcome of `personId` on `itemId` (in the caller's transaction when `db` is one). */
export async function recordItemOutcome(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  input: { itemId: string; personId: string; outcome: ItemOutcome },
): Promise<RecordedOutcome> {
  const outcome = outcomeSchema.parse(input.outcome) as ItemOutcome;
  if (!isId(input.itemId) || !isId(input.personId)) throw new AppError('not_found');
  return inTransaction(db, async (trx) => {
    const row = await findItem(trx, input.itemId);
    if (!row) throw new AppError('not_found');
    const item = toItemRef(row, '');
    const now = deps.clock.now().toISOString();
    const before = await findProgress(trx, item.id, input.personId);
    const wasComplete = Boolean(before?.completed_at);
    const completes = outcomeCompletes(item.completionRule, outcome.kind);
    // Viewing again changes nothing worth a write.
    if (before && outcome.kind === 'viewed' && (wasComplete || !completes))
      return { complete: wasComplete, newlyComplete: false };
    const completedAt = before?.completed_at ?? (completes ? now : null);
    await upsertProgress(trx, {
      item_id: item.id,
      user_id: input.personId,
      first_viewed_at: before?.first_viewed_at ?? now,
      completed_at: completedAt,
      last_outcome: outcome.kind,
      score: 'score' in outcome && outcome.score !== undefined ? outcome.score : (before?.score ?? null),
      updated_at: now,
    });
    const newlyComplete = !wasComplete && completedAt !== null;
    if (newlyComplete)
      await audit(trx, deps.clock, personActing(input.personId), {
        action: 'space.item-completed',
        targetType: 'space_item',
        targetId: item.id,
        after: { outcome: outcome.kind, rule: item.completionRule },
      });
    return { complete: completedAt !== null, newlyComplete };
  });
}
