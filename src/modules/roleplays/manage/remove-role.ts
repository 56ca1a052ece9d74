import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { parseLocalized, pickLocalized } from '../../../i18n/localized.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { deleteRole, findRole } from '../roleplays.repository.js';
import { manageRoleplay } from './manage-roleplay.js';

/** Removes a role and its holders. Staff. */
export async function removeRole(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  roleId: string,
): Promise<void> {
  await manageRoleplay(db, deps, actor, itemId, async (trx, access) => {
    const role = isId(roleId) ? await findRole(trx, roleId) : undefined;
    if (!role || role.item_id !== access.item.id) throw new AppError('not_found');
    await deleteRole(trx, role.id);
    await audit(trx, deps.clock, actor, {
      action: 'roleplays.role-removed',
      targetType: 'space_item',
      targetId: access.item.id,
      before: { roleId: role.id, name: pickLocalized(parseLocalized(role.name_i18n), 'en').text },
    });
  });
}
