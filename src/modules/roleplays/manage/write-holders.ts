/**
 * Writing who holds which role (by hand or by the assignment), inside the caller's transaction: the holders
 * replaced (people, or groups whose current members hold the role), the phases' forums given the same
 * members, each newly assigned person told (a notice naming the exercise, never a brief), one audit event.
 */
import type { Transaction } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import type { Services } from '../../../deps.js';
import { parseLocalized, pickLocalized } from '../../../i18n/localized.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { type ForumMember, setForumMembers } from '../../forums/forums.port.js';
import { notify } from '../../notifications/notify.js';
import type { RoleplayAccess } from '../roleplay-access.js';
import { readRoleplayContent } from '../roleplay-content.js';
import type { RoleAssignedNotice } from '../roleplay-notices.js';
import { listHolders, listPhases, listRoles, replaceHolders } from '../roleplays.repository.js';

/** A role given to a person, or to a group (its members of the moment hold it). */
export interface Holding {
  roleId: string;
  holderType: 'person' | 'group';
  holderId: string;
}

/**
 * The members of the phases' forums: the people holding a role in person and the groups holding one (the
 * forums module reads a group's current members through the groups module), each posting under the role's
 * name in the edition's language wherever they write there (the forum's own thread pages too). Roles in
 * their order: someone holding two posts under the first, as on the phase page.
 */
export async function phaseForumMembers(db: Executor, access: RoleplayAccess): Promise<ForumMember[]> {
  const roles = await listRoles(db, [access.item.id]);
  const position = new Map(roles.map((r, i) => [r.id, i]));
  const roleName = new Map(
    roles.map((r) => [
      r.id,
      pickLocalized(parseLocalized(r.name_i18n), access.space.edition.language as 'en').text,
    ]),
  );
  const holders = (await listHolders(db, [access.item.id])).sort(
    (a, b) => (position.get(a.role_id) ?? 0) - (position.get(b.role_id) ?? 0),
  );
  const members: ForumMember[] = [];
  const seen = new Set<string>();
  for (const h of holders) {
    if (seen.has(`${h.holder_type}:${h.holder_id}`)) continue;
    seen.add(`${h.holder_type}:${h.holder_id}`);
    const persona = roleName.get(h.role_id) ?? null;
    members.push(
      h.holder_type === 'group' ? { groupId: h.holder_id, persona } : { userId: h.holder_id, persona },
    );
  }
  return members;
}

/** Who holds which role now (`roleId:personId`, in person or through a group). */
async function peopleHolding(db: Executor, itemId: string): Promise<Set<string>> {
  const content = await readRoleplayContent(db, itemId);
  const out = new Set<string>();
  for (const role of content.roles) for (const h of role.holders) out.add(`${role.id}:${h.id}`);
  return out;
}

export async function writeHolders(
  trx: Transaction<DB>,
  deps: Services,
  actor: Actor,
  access: RoleplayAccess,
  holdings: readonly Holding[],
  summary: { mode: string; ownConstituency: number },
): Promise<void> {
  const itemId = access.item.id;
  const before = await peopleHolding(trx, itemId);
  const now = deps.clock.now().toISOString();
  const rows = holdings.map((h) => ({
    role_id: h.roleId,
    item_id: itemId,
    holder_type: h.holderType,
    holder_id: h.holderId,
    assigned_by: actor.kind === 'user' ? actor.id : null,
    assigned_at: now,
  }));
  await replaceHolders(trx, itemId, rows);
  const forumMembers = await phaseForumMembers(trx, access);
  for (const phase of await listPhases(trx, itemId))
    if (phase.forum_id) await setForumMembers(trx, phase.forum_id, forumMembers);
  const after = await readRoleplayContent(trx, itemId);
  for (const role of after.roles)
    for (const holder of role.holders) {
      if (before.has(`${role.id}:${holder.id}`)) continue;
      const event: RoleAssignedNotice = {
        kind: 'roleplay.role-assigned',
        itemId,
        editionId: access.item.editionId,
        roleId: role.id,
      };
      await notify(trx, deps.clock, {
        recipientId: holder.id,
        key: `roleplay-role:${itemId}:${role.id}:${holder.id}:${now}`,
        event,
      });
    }
  await audit(trx, deps.clock, actor, {
    action: 'roleplays.roles-assigned',
    targetType: 'space_item',
    targetId: itemId,
    after: {
      mode: summary.mode,
      holders: after.roles.reduce((n, r) => n + r.holders.length, 0),
      ownConstituency: summary.ownConstituency,
    },
  });
}
