/**
 * What other modules read of groups (forums, role-plays, assessment, the space's `group_id` items): the
 * group sets of an edition with their groups and members, a person's group in a set or in an edition, one
 * group, and the peer-evaluation adjustment factors of a set (WebPA-style, see peer-evaluation.ts).
 * Member ids are account ids (`id` in `GET /api/v1/me`). Read-only: only this module writes its tables.
 */
import type { Executor } from '../../db/database.js';
import {
  findGroup,
  findMembership,
  listGroupSetsOfEdition,
  listGroupsByIds,
  listGroupsOfSets,
  listMembershipsInEdition,
  listMembersOfGroup,
  listMembersOfGroups,
  listMembersOfSets,
} from './groups.repository.js';
import type { GroupMemberRow, WorkGroupRow } from './groups.tables.js';
import { evaluateGroup } from './peer-evaluation.js';
import { listRatingsOfSet } from './peer-ratings.repository.js';

export interface GroupView {
  id: string;
  groupSetId: string;
  name: string;
  /** Account ids, in the order they joined. */
  memberIds: string[];
}

export interface GroupSetView {
  id: string;
  editionId: string;
  name: string;
  /** `manual` | `random` | `self` | `balanced`. */
  formation: string;
  groups: GroupView[];
}

function groupViews(groups: readonly WorkGroupRow[], members: readonly GroupMemberRow[]): GroupView[] {
  const byGroup = new Map<string, string[]>();
  for (const m of members) {
    const list = byGroup.get(m.group_id) ?? [];
    list.push(m.user_id);
    byGroup.set(m.group_id, list);
  }
  return groups.map((g) => ({
    id: g.id,
    groupSetId: g.group_set_id,
    name: g.name,
    memberIds: byGroup.get(g.id) ?? [],
  }));
}

/** The group sets of an edition (oldest first), each with its groups (in order) and their members. */
export async function groupSetsOfEdition(db: Executor, editionId: string): Promise<GroupSetView[]> {
  const sets = await listGroupSetsOfEdition(db, editionId);
  const ids = sets.map((s) => s.id);
  const [groups, members] = await Promise.all([listGroupsOfSets(db, ids), listMembersOfSets(db, ids)]);
  const views = groupViews(groups, members);
  return sets.map((s) => ({
    id: s.id,
    editionId: s.edition_id,
    name: s.name,
    formation: s.formation,
    groups: views.filter((g) => g.groupSetId === s.id),
  }));
}

/** One group with its members, or null. */
export async function groupById(db: Executor, groupId: string): Promise<GroupView | null> {
  const group = await findGroup(db, groupId);
  if (!group) return null;
  const members = await listMembersOfGroup(db, groupId);
  return groupViews([group], members)[0] ?? null;
}

/** Groups by id with their current members (ids of groups that no longer exist are left out). */
export async function groupsWithMembers(db: Executor, groupIds: readonly string[]): Promise<GroupView[]> {
  if (groupIds.length === 0) return [];
  const [groups, members] = await Promise.all([
    listGroupsByIds(db, groupIds),
    listMembersOfGroups(db, groupIds),
  ]);
  return groupViews(groups, members);
}

/** The group a person is in within a group set, or null. */
export async function groupOfPerson(
  db: Executor,
  groupSetId: string,
  accountId: string,
): Promise<GroupView | null> {
  const membership = await findMembership(db, groupSetId, accountId);
  return membership ? groupById(db, membership.group_id) : null;
}

/** Every group a person is in across the group sets of an edition. */
export async function groupsOfPerson(
  db: Executor,
  editionId: string,
  accountId: string,
): Promise<GroupView[]> {
  const memberships = await listMembershipsInEdition(db, editionId, accountId);
  const groups = await Promise.all(memberships.map((m) => groupById(db, m.group_id)));
  return groups.filter((g): g is GroupView => g !== null);
}

/**
 * Each member's peer-evaluation adjustment factor in a group set (0.5–1.5; 1 for members nobody rated):
 * multiply an individual's mark of a group submission by it. The rule: peer-evaluation.ts.
 */
export async function peerAdjustmentFactors(db: Executor, groupSetId: string): Promise<Map<string, number>> {
  const [groups, members, ratings] = await Promise.all([
    listGroupsOfSets(db, [groupSetId]),
    listMembersOfSets(db, [groupSetId]),
    listRatingsOfSet(db, groupSetId),
  ]);
  const all = ratings.map((r) => ({ raterId: r.rater_id, rateeId: r.ratee_id, score: r.score }));
  const factors = new Map<string, number>();
  for (const group of groupViews(groups, members)) {
    for (const m of evaluateGroup(group.memberIds, all).members) factors.set(m.memberId, m.factor);
  }
  return factors;
}
