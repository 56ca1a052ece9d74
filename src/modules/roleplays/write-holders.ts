/**
 * Writing who holds which role (by hand or by the assignment), inside the caller's transaction: the holders
 * replaced, each newly assigned person told (a notice naming the exercise, never a brief), one audit event.
 */
import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Services } from '../../deps.js';
import { parseLocalized, pickLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { setForumMembers } from '../forums/forums.port.js';
import { notify } from '../notifications/notify.js';
import type { RoleplayAccess } from './roleplay-access.js';
import type { RoleAssignedNotice } from './roleplay-notices.js';
import { listHolders, listPhases, listRoles, replaceHolders } from './roleplays.repository.js';

/**
 * The members of the phases' forums: the holders, each posting under their (first) role's name in the
 * edition's language wherever they write there (the forum's own thread pages too).
 */
export async function phaseForumMembers(
  db: Executor,
  access: RoleplayAccess,
): Promise<{ userId: string; persona: string | null }[]> {
  const roleNames = new Map(
    (await listRoles(db, [access.item.id])).map((r) => [
      r.id,
      pickLocalized(parseLocalized(r.name_i18n), access.space.edition.language as 'en').text,
    ]),
  );
  const members = new Map<string, string | null>();
  for (const holder of await listHolders(db, [access.item.id]))
    if (!members.has(holder.holder_id)) members.set(holder.holder_id, roleNames.get(holder.role_id) ?? null);
  return [...members].map(([userId, persona]) => ({ userId, persona }));
}

export async function writeHolders(
  trx: Transaction<DB>,
  deps: Services,
  actor: Actor,
  access: RoleplayAccess,
  roleOf: ReadonlyMap<string, readonly string[]>,
  summary: { mode: string; ownConstituency: number },
): Promise<void> {
  const itemId = access.item.id;
  const before = new Set((await listHolders(trx, [itemId])).map((h) => `${h.role_id}:${h.holder_id}`));
  const now = deps.clock.now().toISOString();
  const rows = [...roleOf].flatMap(([personId, roleIds]) =>
    roleIds.map((roleId) => ({
      role_id: roleId,
      item_id: itemId,
      holder_type: 'person',
      holder_id: personId,
      assigned_by: actor.kind === 'user' ? actor.id : null,
      assigned_at: now,
    })),
  );
  await replaceHolders(trx, itemId, rows);
  const forumMembers = await phaseForumMembers(trx, access);
  for (const phase of await listPhases(trx, itemId))
    if (phase.forum_id) await setForumMembers(trx, phase.forum_id, forumMembers);
  for (const row of rows) {
    if (before.has(`${row.role_id}:${row.holder_id}`)) continue;
    const event: RoleAssignedNotice = {
      kind: 'roleplay.role-assigned',
      itemId,
      editionId: access.item.editionId,
      roleId: row.role_id,
    };
    await notify(trx, deps.clock, {
      recipientId: row.holder_id,
      key: `roleplay-role:${itemId}:${row.role_id}:${row.holder_id}:${now}`,
      event,
    });
  }
  await audit(trx, deps.clock, actor, {
    action: 'roleplays.roles-assigned',
    targetType: 'space_item',
    targetId: itemId,
    after: { mode: summary.mode, holders: rows.length, ownConstituency: summary.ownConstituency },
  });
}
