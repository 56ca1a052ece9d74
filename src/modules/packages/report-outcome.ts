/**
 * Hands a package's result to the course space (spaces' internal command `recordItemOutcome`), so the
 * item's completion rule can judge it. The attempt row stays the grade either way.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { recordItemOutcome } from '../spaces/record-item-outcome.js';
import type { ItemOutcome } from '../spaces/space-item-kind.js';

/** Reports the outcome on the package's item (when an item shows the package); true when reported. */
export async function reportItemOutcome(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  input: { itemId: string | null; personId: string; outcome: ItemOutcome | null },
): Promise<boolean> {
  if (!input.itemId || !input.outcome) return false;
  await recordItemOutcome(db, deps, {
    itemId: input.itemId,
    personId: input.personId,
    outcome: input.outcome,
  });
  return true;
}
