/**
 * The staff's use cases for group sets: create one (its groups named "<prefix> 1…n"; random and balanced
 * sets are formed at once from the edition's confirmed participants), form it again, delete it, and place
 * a person in a group (or out of every group of the set). Bad input: a translated error, nothing changed.
 */
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { BALANCE_ATTRIBUTES, balanceGroups, seededRandom, shuffle } from './balance-groups.js';
import { editionGroupsAccess, groupSetAccess } from './group-access.js';
import { membershipOfSet, syncGroupForums } from './group-forums.js';
import { GROUP_NAME_MAX, groupSetSchema, MAX_SETS, placeSchema } from './group-sets.js';
import { editionPeople } from './groups.queries.js';
import {
  deleteMember,
  deleteMembersOfSet,
  deleteGroupSet as deleteSetRow,
  findGroup,
  findMembership,
  insertGroupSet,
  insertGroups,
  listFileKeysOfGroups,
  listGroupSetsOfEdition,
  listGroupsOfSets,
  upsertMember,
} from './groups.repository.js';
import { regionOf } from './regions.js';

/** The staff access to an edition's groups (403 for participants, 404 outside the edition). */
async function staffOf(db: Executor, actor: Actor, editionId: string) {
  const access = await editionGroupsAccess(db, actor, editionId);
  if (!access.standing.staff) throw new AppError('forbidden');
  return access;
}

/** A seed for the random formations from the set's id and the moment (repeatable in tests with a fixed clock). */
function seedOf(setId: string, now: string): number {
  let h = 2166136261;
  for (const c of `${setId}${now}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/**
 * Puts the edition's confirmed participants in the set's groups (shuffled, or balanced across constituency,
 * region, language and sex), replacing the set's memberships; returns how many were placed.
 */
async function formInto(
  db: Executor,
  set: { id: string; edition_id: string },
  formation: string,
  groupIds: readonly string[],
  now: string,
): Promise<number> {
  if (groupIds.length === 0) return 0;
  const people = await editionPeople(db, set.edition_id);
  const random = seededRandom(seedOf(set.id, now));
  const shuffled = formation === 'balanced' ? [] : shuffle(people, random);
  const dealt =
    formation === 'balanced'
      ? balanceGroups(
          people.map((p) => ({
            id: p.id,
            attributes: {
              [BALANCE_ATTRIBUTES[0]]: p.constituency ?? '',
              [BALANCE_ATTRIBUTES[1]]: regionOf(p.country),
              [BALANCE_ATTRIBUTES[2]]: p.language,
              [BALANCE_ATTRIBUTES[3]]: p.sex ?? '',
            },
          })),
          groupIds.length,
          random,
        ).map((g) => g.map((p) => p.id))
      : groupIds.map((_, g) => shuffled.filter((_, i) => i % groupIds.length === g).map((p) => p.id));
  await deleteMembersOfSet(db, set.id);
  let count = 0;
  for (const [index, members] of dealt.entries()) {
    const groupId = groupIds[index];
    if (!groupId) continue;
    for (const userId of members) {
      await upsertMember(db, {
        group_set_id: set.id,
        group_id: groupId,
        user_id: userId,
        source: formation,
        added_at: now,
      });
      count++;
    }
  }
  return count;
}

/** Creates a group set with its groups; `groupNamePrefix` is the translated "Group" of the creator's language. */
export async function createGroupSet(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  input: unknown,
  groupNamePrefix: string,
): Promise<{ id: string }> {
  const access = await staffOf(db, actor, editionId);
  const data = parseInput(groupSetSchema, input);
  const now = deps.clock.now().toISOString();
  const id = newId();
  return inTransaction(db, async (trx) => {
    if ((await listGroupSetsOfEdition(trx, access.space.edition.id)).length >= MAX_SETS)
      throw new AppError('invalid_state', {}, [{ path: 'name', key: 'groups.error.tooManySets' }]);
    await insertGroupSet(trx, {
      id,
      edition_id: access.space.edition.id,
      name: data.name,
      formation: data.formation,
      capacity: data.capacity,
      closes_at: data.closesAt,
      created_by: actor.kind === 'user' ? actor.id : null,
      created_at: now,
    });
    const groups = Array.from({ length: data.groupCount }, (_, i) => ({
      id: newId(),
      group_set_id: id,
      name: `${groupNamePrefix} ${i + 1}`.slice(0, GROUP_NAME_MAX),
      position: i + 1,
      created_at: now,
    }));
    await insertGroups(trx, groups);
    await audit(trx, deps.clock, actor, {
      action: 'groups.set-created',
      targetType: 'edition',
      targetId: access.space.edition.id,
      after: { name: data.name, formation: data.formation, groups: data.groupCount },
    });
    if (data.formation === 'random' || data.formation === 'balanced') {
      const members = await formInto(
        trx,
        { id, edition_id: access.space.edition.id },
        data.formation,
        groups.map((g) => g.id),
        now,
      );
      await audit(trx, deps.clock, actor, {
        action: 'groups.set-formed',
        targetType: 'group_set',
        targetId: id,
        after: { formation: data.formation, members },
      });
    }
    await syncGroupForums(
      trx,
      deps,
      { id, edition_id: access.space.edition.id },
      { before: new Map(), by: actor.kind === 'user' ? actor.id : null },
    );
    return { id };
  });
}

/** Forms a random or balanced set again from the edition's confirmed participants (everyone is placed anew). */
export async function formGroupSetAgain(
  db: Executor,
  deps: Services,
  actor: Actor,
  setId: string,
): Promise<void> {
  const { set } = await groupSetAccess(db, actor, setId, 'groups.manage');
  if (set.formation !== 'random' && set.formation !== 'balanced')
    throw new AppError('invalid_state', {}, [
      { path: 'formation', key: 'groups.error.notFormedAutomatically' },
    ]);
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    const before = await membershipOfSet(trx, set);
    const groups = await listGroupsOfSets(trx, [set.id]);
    const members = await formInto(
      trx,
      set,
      set.formation,
      groups.map((g) => g.id),
      now,
    );
    await audit(trx, deps.clock, actor, {
      action: 'groups.set-formed',
      targetType: 'group_set',
      targetId: set.id,
      after: { formation: set.formation, members },
    });
    await syncGroupForums(trx, deps, set, { before, by: actor.kind === 'user' ? actor.id : null });
  });
}

/** Deletes a group set with its groups, pages, files' records, work and peer evaluation. */
export async function deleteGroupSet(
  db: Executor,
  deps: Services,
  actor: Actor,
  setId: string,
): Promise<{ editionId: string }> {
  const { set } = await groupSetAccess(db, actor, setId, 'groups.manage');
  const groups = await listGroupsOfSets(db, [set.id]);
  const keys = await listFileKeysOfGroups(
    db,
    groups.map((g) => g.id),
  );
  await inTransaction(db, async (trx) => {
    await deleteSetRow(trx, set.id);
    await audit(trx, deps.clock, actor, {
      action: 'groups.set-deleted',
      targetType: 'edition',
      targetId: set.edition_id,
      before: { name: set.name, formation: set.formation, groups: groups.length },
    });
  });
  for (const key of keys) await deps.storage.delete(key);
  return { editionId: set.edition_id };
}

/** Places a confirmed participant in a group of the set, or (no group) out of every group of it. */
export async function placeMember(
  db: Executor,
  deps: Services,
  actor: Actor,
  setId: string,
  input: unknown,
): Promise<void> {
  const { set } = await groupSetAccess(db, actor, setId, 'groups.manage');
  const data = parseInput(placeSchema, input);
  const people = await editionPeople(db, set.edition_id);
  if (!people.some((p) => p.id === data.userId))
    throw new AppError('validation_failed', {}, [{ path: 'userId', key: 'groups.error.notParticipant' }]);
  if (data.groupId !== null) {
    const group = await findGroup(db, data.groupId);
    if (!group || group.group_set_id !== set.id)
      throw new AppError('validation_failed', {}, [{ path: 'groupId', key: 'validation.invalidChoice' }]);
  }
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    const members = await membershipOfSet(trx, set);
    const before = await findMembership(trx, set.id, data.userId);
    if (data.groupId === null) await deleteMember(trx, set.id, data.userId);
    else
      await upsertMember(trx, {
        group_set_id: set.id,
        group_id: data.groupId,
        user_id: data.userId,
        source: 'manual',
        added_at: now,
      });
    await audit(trx, deps.clock, actor, {
      action: 'groups.member-placed',
      targetType: 'group_set',
      targetId: set.id,
      before: { groupId: before?.group_id ?? null },
      after: { userId: data.userId, groupId: data.groupId },
    });
    await syncGroupForums(trx, deps, set, { before: members, by: actor.kind === 'user' ? actor.id : null });
  });
}
