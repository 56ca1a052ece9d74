/**
 * Reading groups for pages and the API: an edition's groups (participants: only their own groups, and the
 * groups they may still choose; staff: every group with its members), and one group's page (members,
 * shared files, shared page, the space's group tasks for its set).
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { itemsOfKind } from '../spaces/spaces.queries.js';
import {
  type EditionGroupsAccess,
  editionGroupsAccess,
  type GroupAccess,
  groupAccess,
} from './group-access.js';
import { groupForumLink } from './group-forums.js';
import { GROUP_TASK_KIND, groupTaskSettingsSchema, isTaskOfSet } from './group-task.js';
import { latestPageRevision, listGroupFiles } from './group-work.repository.js';
import { type GroupSetView, type GroupView, groupById, groupSetsOfEdition } from './groups.port.js';
import { type EditionPerson, editionPeople, peopleByIds } from './groups.queries.js';
import { findGroupSet, listGroupSetsOfEdition } from './groups.repository.js';
import type { GroupFileRow, GroupSetRow, PageRevisionRow, PeerEvaluationRow } from './groups.tables.js';
import { findPeerEvaluation } from './peer-ratings.repository.js';

export interface EditionGroups {
  access: EditionGroupsAccess;
  sets: {
    row: GroupSetRow;
    /** The groups the viewer sees: their own (staff: all); in a self-selection set, every group (to choose). */
    groups: (GroupView & { count: number })[];
    myGroupId: string | null;
    peer: PeerEvaluationRow | null;
  }[];
  names: Map<string, { fullName: string; email: string }>;
  /** The edition's confirmed participants (staff only; empty for others). */
  people: EditionPerson[];
}

export async function getEditionGroups(
  db: Executor,
  actor: Actor,
  editionId: string,
): Promise<EditionGroups> {
  const access = await editionGroupsAccess(db, actor, editionId);
  const staff = access.standing.staff;
  const me = access.actorId ?? '';
  const [rows, views] = await Promise.all([
    listGroupSetsOfEdition(db, access.space.edition.id),
    groupSetsOfEdition(db, access.space.edition.id),
  ]);
  const sets = await Promise.all(
    rows.map(async (row) => {
      const view = views.find((v) => v.id === row.id) as GroupSetView;
      const mine = view.groups.find((g) => g.memberIds.includes(me)) ?? null;
      const counted = view.groups.map((g) => ({ ...g, count: g.memberIds.length }));
      // Participants see who is in their own group only; in a self-selection set, how full the others are.
      const groups = staff
        ? counted
        : row.formation === 'self'
          ? counted.map((g) => (g.id === mine?.id ? g : { ...g, memberIds: [] }))
          : counted.filter((g) => g.id === mine?.id);
      return {
        row,
        groups,
        myGroupId: mine?.id ?? null,
        peer: (await findPeerEvaluation(db, row.id)) ?? null,
      };
    }),
  );
  const people = staff ? await editionPeople(db, access.space.edition.id) : [];
  const names = await peopleByIds(
    db,
    sets.flatMap((s) => s.groups.flatMap((g) => g.memberIds)),
  );
  return { access, sets: staff || access.standing.participant ? sets : [], names, people };
}

/** Groups as the API lists them: participants only their own, staff all (others: 404). */
export async function listEditionGroups(db: Executor, actor: Actor, editionId: string) {
  const access = await editionGroupsAccess(db, actor, editionId);
  const me = access.actorId ?? '';
  const views = await groupSetsOfEdition(db, access.space.edition.id);
  return views.flatMap((set) =>
    set.groups
      .filter((g) => access.standing.staff || g.memberIds.includes(me))
      .map((g) => ({
        id: g.id,
        name: g.name,
        groupSet: { id: set.id, name: set.name },
        members: g.memberIds,
      })),
  );
}

export interface GroupPage {
  access: GroupAccess;
  members: { id: string; fullName: string; email: string }[];
  files: GroupFileRow[];
  page: PageRevisionRow | null;
  tasks: { id: string; title: import('../../i18n/localized.js').LocalizedText }[];
  peer: PeerEvaluationRow | null;
  /** The group's forum page (forums module), or null. */
  forumHref: string | null;
}

export async function getGroupPage(
  db: Executor,
  _deps: Services,
  actor: Actor,
  groupId: string,
): Promise<GroupPage> {
  const access = await groupAccess(db, actor, groupId, 'group.view');
  const memberIds = access.members.map((m) => m.user_id);
  // Independent reads, side by side (the group and its members came with the access).
  const [names, items, files, page, peer, forumHref] = await Promise.all([
    peopleByIds(db, memberIds),
    itemsOfKind(db, GROUP_TASK_KIND, [access.set.edition_id]),
    listGroupFiles(db, access.group.id),
    latestPageRevision(db, access.group.id),
    findPeerEvaluation(db, access.set.id),
    groupForumLink(db, access.group.id),
  ]);
  const tasks = items.filter((item) => {
    const settings = groupTaskSettingsSchema.safeParse(item.settings);
    return settings.success && isTaskOfSet(settings.data, access.set);
  });
  return {
    access,
    members: memberIds.map((id) => ({
      id,
      fullName: names.get(id)?.fullName ?? '',
      email: names.get(id)?.email ?? '',
    })),
    files,
    page: page ?? null,
    tasks: tasks.map((t) => ({ id: t.id, title: t.title })),
    peer: peer ?? null,
    forumHref,
  };
}

/** The edition a group belongs to ('' when there is no such group): for redirects after a refusal. */
export async function editionOfGroup(db: Executor, groupId: string): Promise<string> {
  const group = await groupById(db, groupId);
  const set = group ? await findGroupSet(db, group.groupSetId) : undefined;
  return set?.edition_id ?? '';
}
