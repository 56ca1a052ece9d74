/**
 * Each group's forum, through the forums module's port: made with the group (members-only, titled with
 * the group's name) and its members kept equal to the group's after every change of membership.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { createForum, forumForScope, forumPath, setForumMembers } from '../forums/forums.port.js';
import { groupSetsOfEdition } from './groups.port.js';

/** Makes the forum of every group of the set (when missing) and sets its members to the group's. */
export async function syncGroupForums(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  set: { id: string; edition_id: string },
): Promise<void> {
  const view = (await groupSetsOfEdition(db, set.edition_id)).find((s) => s.id === set.id);
  for (const group of view?.groups ?? []) {
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
