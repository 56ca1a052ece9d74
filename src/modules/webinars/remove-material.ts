import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { webinarAccessFor } from './webinar-access.js';
import { deleteMaterial, findMaterial } from './webinars.repository.js';

/** Removes a material of a session (and its stored file). Staff of the edition. */
export async function removeMaterial(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  materialId: string,
): Promise<void> {
  const access = await webinarAccessFor(db, actor, itemId, 'webinar.manage');
  const material = isId(materialId) ? await findMaterial(db, materialId) : undefined;
  if (!material || material.item_id !== access.item.id) throw new AppError('not_found');
  await inTransaction(db, async (trx) => {
    await deleteMaterial(trx, material.id);
    await audit(trx, deps.clock, actor, {
      action: 'webinars.material-removed',
      targetType: 'space_item',
      targetId: access.item.id,
      before: { kind: material.kind, title: material.title },
    });
  });
  if (material.storage_key) await deps.storage.delete(material.storage_key);
}
