import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { updateRoleplay } from '../roleplays.repository.js';
import { manageRoleplay } from './manage-roleplay.js';

/** Reveals every private brief to everyone in the exercise (at the end; it cannot be undone). Staff. */
export async function revealBriefs(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
): Promise<void> {
  await manageRoleplay(db, deps, actor, itemId, async (trx, access, row) => {
    if (row.revealed_at)
      throw new AppError('invalid_state', {}, [{ path: 'reveal', key: 'roleplays.error.alreadyRevealed' }]);
    const now = deps.clock.now().toISOString();
    await updateRoleplay(trx, access.item.id, { revealed_at: now, updated_at: now });
    await audit(trx, deps.clock, actor, {
      action: 'roleplays.briefs-revealed',
      targetType: 'space_item',
      targetId: access.item.id,
    });
  });
}
