/**
 * Reading groups for pages and the API: an edition's groups (participants: only their own groups, and the
 * groups they may still choose; staff: every group with its members), and one group's page (members,
 * shared files, shared page, the space's group tasks for its set).
 */
import type { Executor } from '../../db/database.js';
import { deepFreeze, KeptResults } from '../../db/kept-results.js';
import type { Services } from '../../deps.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { itemsOfKind } from '../spaces/spaces.queries.js';
import {
  type EditionGroupsAccess,
  editionGroupsAccess,
  type GroupAccess,
  groupAccessOf,
} from './group-access.js';
import { groupForumLink } from './group-forums.js';
import { GROUP_TASK_KIND, groupTaskSettingsSchema, isTaskOfSet } from './group-task.js';
import { latestPageRevision, listGroupFiles } from './group-work.repository.js';
import { type GroupSetView, type GroupView, groupById, groupSetsOfEdition } from './groups.port.js';
import { type EditionPerson, editionPeople, peopleByIds } from './groups.queries.js';
import {
  findGroupSet,
  findGroupWithSet,
  listGroupSetsOfEdition,
  listMembersOfGroup,
} from './groups.repository.js';
import type {
  GroupFileRow,
  GroupMemberRow,
  GroupSetRow,
  PageRevisionRow,
  PeerEvaluationRow,
  WorkGroupRow,
} from './groups.tables.js';
import { findPeerEvaluation } from './peer-ratings.repository.js';

/**
 * Every table the kept group pages are read from (ADR 0009): a write to one of them makes every kept value
 * stale. `group-page-statements.integration.test.ts` checks the lists against the SQL really run.
 */
export const EDITION_GROUPS_TABLES = [
  'group_sets',
  'work_groups',
  'group_members',
  'peer_evaluations',
  'users',
] as const;
export const GROUP_PAGE_TABLES = [
  ...EDITION_GROUPS_TABLES,
  'group_files',
  'group_page_revisions',
  'forums',
  // The space's group tasks (spaces module, read through its queries).
  'space_items',
  'spaces',
] as const;

/** An edition's group sets as stored, with their groups, members, peer evaluations and the members' names. */
interface EditionGroupsContent {
  rows: readonly GroupSetRow[];
  views: readonly GroupSetView[];
  peers: ReadonlyMap<string, PeerEvaluationRow>;
  names: ReadonlyMap<string, { fullName: string; email: string }>;
}

const keptEditionGroups = new KeptResults<EditionGroupsContent>({
  tables: EDITION_GROUPS_TABLES,
  maxEntries: 300,
});

/** Reads an edition's groups (the same for every reader until one of their tables is written). */
export async function readEditionGroups(db: Executor, editionId: string): Promise<EditionGroupsContent> {
  const views = await groupSetsOfEdition(db, editionId);
  const rows = await listGroupSetsOfEdition(db, editionId);
  const [peers, names] = await Promise.all([
    Promise.all(rows.map((row) => findPeerEvaluation(db, row.id))),
    peopleByIds(
      db,
      views.flatMap((v) => v.groups.flatMap((g) => g.memberIds)),
    ),
  ]);
  return deepFreeze({
    rows,
    views,
    peers: new Map(peers.flatMap((p) => (p ? [[p.group_set_id, p] as const] : []))),
    names,
  });
}

/** One group's page as stored: the group, its set and members with their names, files, shared page, tasks. */
interface GroupPageContent {
  group: WorkGroupRow;
  set: GroupSetRow;
  members: readonly GroupMemberRow[];
  names: ReadonlyMap<string, { fullName: string; email: string }>;
  files: readonly GroupFileRow[];
  page: PageRevisionRow | null;
  tasks: readonly { id: string; title: LocalizedText }[];
  peer: PeerEvaluationRow | null;
  forumHref: string | null;
}

const keptGroupPages = new KeptResults<GroupPageContent | null>({
  tables: GROUP_PAGE_TABLES,
  maxEntries: 1000,
});

/** Reads a group's page content (null: no such group), without keeping it. */
export async function readGroupPage(db: Executor, groupId: string): Promise<GroupPageContent | null> {
  const found = await findGroupWithSet(db, groupId);
  if (!found) return null;
  const { group, set } = found;
  const members = await listMembersOfGroup(db, group.id);
  const [names, items, files, page, peer, forumHref] = await Promise.all([
    peopleByIds(
      db,
      members.map((m) => m.user_id),
    ),
    itemsOfKind(db, GROUP_TASK_KIND, [set.edition_id]),
    listGroupFiles(db, group.id),
    latestPageRevision(db, group.id),
    findPeerEvaluation(db, set.id),
    groupForumLink(db, group.id),
  ]);
  const tasks = items.filter((item) => {
    const settings = groupTaskSettingsSchema.safeParse(item.settings);
    return settings.success && isTaskOfSet(settings.data, set);
  });
  return deepFreeze({
    group,
    set,
    members,
    names,
    files,
    page: page ?? null,
    tasks: tasks.map((t) => ({ id: t.id, title: t.title })),
    peer: peer ?? null,
    forumHref,
  });
}

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
  const edition = access.space.edition.id;
  const [content, people] = await Promise.all([
    keptEditionGroups.get(db, edition, () => readEditionGroups(db, edition)),
    staff ? editionPeople(db, edition) : [],
  ]);
  const sets = content.rows.map((row) => {
    const view = content.views.find((v) => v.id === row.id) as GroupSetView;
    const mine = view.groups.find((g) => g.memberIds.includes(me)) ?? null;
    const counted = view.groups.map((g) => ({ ...g, count: g.memberIds.length }));
    // Participants see who is in their own group only; in a self-selection set, how full the others are.
    const groups = staff
      ? counted
      : row.formation === 'self'
        ? counted.map((g) => (g.id === mine?.id ? g : { ...g, memberIds: [] }))
        : counted.filter((g) => g.id === mine?.id);
    return { row, groups, myGroupId: mine?.id ?? null, peer: content.peers.get(row.id) ?? null };
  });
  // Only the names of the people shown (a participant sees the members of their own groups).
  const names = new Map<string, { fullName: string; email: string }>();
  for (const s of sets)
    for (const g of s.groups)
      for (const id of g.memberIds) {
        const name = content.names.get(id);
        if (name) names.set(id, name);
      }
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
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  // The group's content is kept (the same for every reader); who may see it is decided per request.
  const content = isId(groupId)
    ? await keptGroupPages.get(db, groupId, () => readGroupPage(db, groupId))
    : null;
  if (!content) throw new AppError('not_found');
  const access = await groupAccessOf(db, actor, content, 'group.view');
  const { names } = content;
  return {
    access,
    members: content.members.map((m) => ({
      id: m.user_id,
      fullName: names.get(m.user_id)?.fullName ?? '',
      email: names.get(m.user_id)?.email ?? '',
    })),
    files: [...content.files],
    page: content.page,
    tasks: [...content.tasks],
    peer: content.peer,
    forumHref: content.forumHref,
  };
}

/** The edition a group belongs to ('' when there is no such group): for redirects after a refusal. */
export async function editionOfGroup(db: Executor, groupId: string): Promise<string> {
  const group = await groupById(db, groupId);
  const set = group ? await findGroupSet(db, group.groupSetId) : undefined;
  return set?.edition_id ?? '';
}
