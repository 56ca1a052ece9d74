import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { deletePhase, listPhases } from '../roleplays.repository.js';
import { manageRoleplay } from './manage-roleplay.js';

/** Removes a phase (its discussion stays in the forums module). Staff. */
export async function removePhase(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  phaseId: string,
): Promise<void> {
  await manageRoleplay(db, deps, actor, itemId, async (trx, access) => {
    const phase = (await listPhases(trx, access.item.id)).find((p) => p.id === phaseId);
    if (!phase) throw new AppError('not_found');
    await deletePhase(trx, phase.id);
    await audit(trx, deps.clock, actor, {
      action: 'roleplays.phase-removed',
      targetType: 'space_item',
      targetId: access.item.id,
      before: { phaseId: phase.id },
    });
  });
}
