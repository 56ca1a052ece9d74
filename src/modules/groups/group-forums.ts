/**
 * After every change of membership: each group's forum, through the forums module's port, made with the
 * group (members-only, titled with the group's name) and its members kept equal to the group's; each
 * person placed in a group by someone else (a facilitator, a formation) told so (`groups.placed`); and the
 * modules that follow groups told who joined which group (`Module.onGroupJoined`).
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { createForum, forumForScope, forumPath, setForumMembers } from '../forums/forums.port.js';
import { notify } from '../notifications/notify.js';
import type { GroupPlacedNotice } from './group-notices.js';
import { groupSetsOfEdition } from './groups.port.js';

/** Who is in which group of a set (person → group), to compare before and after a change. */
export async function membershipOfSet(
  db: Executor,
  set: { id: string; edition_id: string },
): Promise<Map<string, string>> {
  const view = (await groupSetsOfEdition(db, set.edition_id)).find((s) => s.id === set.id);
  return new Map((view?.groups ?? []).flatMap((g) => g.memberIds.map((id) => [id, g.id] as const)));
}

/**
 * Makes the forum of every group of the set (when missing) and sets its members to the group's. With
 * `placed` (the membership before the change, and who made it), tells each person now in a group they
 * were not in before, unless they chose it themselves, and runs the modules' `onGroupJoined` for them.
 */
export async function syncGroupForums(
  db: Executor,
  deps: Services,
  set: { id: string; edition_id: string },
  placed?: { before: ReadonlyMap<string, string>; by: string | null },
): Promise<void> {
  const view = (await groupSetsOfEdition(db, set.edition_id)).find((s) => s.id === set.id);
  const now = deps.clock.now().toISOString();
  for (const group of view?.groups ?? []) {
    const joined = placed ? group.memberIds.filter((id) => placed.before.get(id) !== group.id) : [];
    for (const userId of joined) {
      if (userId === placed?.by) continue;
      await notify<GroupPlacedNotice>(db, deps.clock, {
        recipientId: userId,
        key: `groups-placed:${group.id}:${userId}:${now}`,
        event: { kind: 'groups.placed', groupId: group.id, editionId: set.edition_id },
      });
    }
    if (joined.length > 0)
      for (const module of deps.modules)
        await module.onGroupJoined?.(db, deps, {
          groupId: group.id,
          editionId: set.edition_id,
          personIds: joined,
        });
    const forum = await createForum(db, deps, {
      editionId: set.edition_id,
      scope: { kind: 'group', id: group.id },
      title: group.name,
      audience: 'members',
      members: group.memberIds,
    });
    await setForumMembers(db, forum.id, group.memberIds);
  }
}

/** The link to a group's forum, or null when it has none. */
export async function groupForumLink(db: Executor, groupId: string): Promise<string | null> {
  const forum = await forumForScope(db, { kind: 'group', id: groupId });
  return forum ? forumPath(forum.id) : null;
}
