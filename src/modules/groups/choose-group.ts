/**
 * Self-selection: a confirmed participant joins a group of a self-selection set (moving out of another
 * group of the same set) or leaves it, while the set is open and the group has room. The capacity is
 * checked inside the transaction that adds the member.
 */
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { groupAccess } from './group-access.js';
import { membershipOfSet, syncGroupForums } from './group-forums.js';
import { joinProblem } from './group-sets.js';
import { countMembersOfGroup, deleteMember, findMembership, upsertMember } from './groups.repository.js';

export async function joinGroup(
  db: Executor,
  deps: Services,
  actor: Actor,
  groupId: string,
): Promise<{ groupId: string }> {
  const access = await groupAccess(db, actor, groupId, 'groups.choose');
  const userId = access.actorId as string;
  const now = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    const current = await findMembership(trx, access.set.id, userId);
    if (current?.group_id === access.group.id) return { groupId: access.group.id };
    const problem = joinProblem(access.set, await countMembersOfGroup(trx, access.group.id), now);
    if (problem) throw new AppError('invalid_state', {}, [{ path: 'group', key: problem }]);
    const before = await membershipOfSet(trx, access.set);
    await upsertMember(trx, {
      group_set_id: access.set.id,
      group_id: access.group.id,
      user_id: userId,
      source: 'self',
      added_at: now,
    });
    await audit(trx, deps.clock, actor, {
      action: 'groups.joined',
      targetType: 'group_set',
      targetId: access.set.id,
      after: { groupId: access.group.id },
    });
    // They chose it: no "placed" notice, but the modules that follow groups hear of it.
    await syncGroupForums(trx, deps, access.set, { before, by: userId });
    return { groupId: access.group.id };
  });
}

export async function leaveGroup(
  db: Executor,
  deps: Services,
  actor: Actor,
  groupId: string,
): Promise<{ editionId: string }> {
  const access = await groupAccess(db, actor, groupId, 'peer.rate');
  const now = deps.clock.now().toISOString();
  const problem = joinProblem({ ...access.set, capacity: null }, 0, now);
  if (problem) throw new AppError('invalid_state', {}, [{ path: 'group', key: problem }]);
  await inTransaction(db, async (trx) => {
    await deleteMember(trx, access.set.id, access.actorId as string);
    await audit(trx, deps.clock, actor, {
      action: 'groups.left',
      targetType: 'group_set',
      targetId: access.set.id,
      before: { groupId: access.group.id },
    });
    await syncGroupForums(trx, deps, access.set);
  });
  return { editionId: access.set.edition_id };
}
