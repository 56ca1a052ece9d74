import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { parseLocalized, pickLocalized, serializeLocalized } from '../../../i18n/localized.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { isId, newId } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { ROLES_MAX } from '../roleplay.js';
import { findRole, insertRole, listRoles, updateRole } from '../roleplays.repository.js';
import { roleSchema } from '../roleplays.schemas.js';
import { manageRoleplay } from './manage-roleplay.js';

/** Adds a role (`roleId` null) or rewrites one: name, constituency, public and private briefs. Staff. */
export async function saveRole(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  roleId: string | null,
  input: unknown,
): Promise<{ id: string }> {
  return manageRoleplay(db, deps, actor, itemId, async (trx, access) => {
    const existing = roleId === null ? undefined : isId(roleId) ? await findRole(trx, roleId) : undefined;
    if (roleId !== null && existing?.item_id !== access.item.id) throw new AppError('not_found');
    const data = parseInput(roleSchema, input);
    const now = deps.clock.now().toISOString();
    const columns = {
      name_i18n: serializeLocalized(data.name),
      constituency: data.constituency,
      public_brief_i18n: serializeLocalized(data.publicBrief),
      private_brief_i18n: serializeLocalized(data.privateBrief),
      updated_at: now,
    };
    const name = pickLocalized(data.name, 'en').text;
    if (existing) {
      await updateRole(trx, existing.id, columns);
      await audit(trx, deps.clock, actor, {
        action: 'roleplays.role-saved',
        targetType: 'space_item',
        targetId: access.item.id,
        before: { roleId: existing.id, name: pickLocalized(parseLocalized(existing.name_i18n), 'en').text },
        after: { roleId: existing.id, name },
      });
      return { id: existing.id };
    }
    const roles = await listRoles(trx, [access.item.id]);
    if (roles.length >= ROLES_MAX)
      throw new AppError('invalid_state', {}, [
        { path: 'name.en', key: 'roleplays.error.tooManyRoles', values: { max: ROLES_MAX } },
      ]);
    const id = newId();
    await insertRole(trx, {
      id,
      item_id: access.item.id,
      position: roles.length,
      created_at: now,
      ...columns,
    });
    await audit(trx, deps.clock, actor, {
      action: 'roleplays.role-saved',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { roleId: id, name },
    });
    return { id };
  });
}
