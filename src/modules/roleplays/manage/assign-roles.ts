import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { parseInput } from '../../../kernel/validation.js';
import { groupSetsOfEdition } from '../../groups/groups.port.js';
import { findPerson } from '../../identity/identity.queries.js';
import { confirmedParticipants } from '../../places/places.queries.js';
import { listRoles } from '../roleplays.repository.js';
import { assignSchema } from '../roleplays.schemas.js';
import { manageRoleplay } from './manage-roleplay.js';
import { assignRoles, type Placeable } from './role-assignment.js';
import { type Holding, writeHolders } from './write-holders.js';

/**
 * Gives every participant of the edition a role, at random or in balance (nobody plays their own
 * constituency unless the exercise allows it; the constituency is the one in their profile). Staff.
 * With `groupSetId`, each group of the set plays one role together: the role is given to the group, so its
 * holders are the group's members of the moment (someone added to the group holds it, someone removed not).
 * `random` is for tests (a seeded source); the platform uses Math.random.
 */
export async function assignRolesAutomatically(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: unknown,
  random: () => number = Math.random,
): Promise<{ ownConstituency: string[] }> {
  return manageRoleplay(db, deps, actor, itemId, async (trx, access, row) => {
    const { mode, groupSetId } = parseInput(assignSchema, input);
    const roles = await listRoles(trx, [access.item.id]);
    if (roles.length === 0)
      throw new AppError('invalid_state', {}, [{ path: 'mode', key: 'roleplays.error.noRoles' }]);
    const people = await confirmedParticipants(trx, access.item.editionId);
    const profiles = await Promise.all(people.map((p) => findPerson(trx, p.id)));
    const constituencyOf = new Map(people.map((p, i) => [p.id, profiles[i]?.constituency ?? null]));
    const own = (ids: readonly string[]) => [...new Set(ids.flatMap((id) => constituencyOf.get(id) ?? []))];
    // People, or the groups of a set (a group belongs to every constituency of its members).
    let members = new Map<string, string[]>(people.map((p) => [p.id, [p.id]]));
    if (groupSetId) {
      const set = (await groupSetsOfEdition(trx, access.item.editionId)).find((s) => s.id === groupSetId);
      if (!set)
        throw new AppError('validation_failed', {}, [
          { path: 'groupSetId', key: 'validation.invalidChoice' },
        ]);
      members = new Map(set.groups.map((g) => [g.id, g.memberIds.filter((id) => constituencyOf.has(id))]));
    }
    const placeables: Placeable[] = [...members].map(([id, ids]) => ({ id, constituencies: own(ids) }));
    const result = assignRoles(
      roles.map((r) => ({ id: r.id, constituency: r.constituency })),
      placeables,
      { mode, allowOwnConstituency: row.allow_own_constituency === 1, random },
    );
    // A group holds its role as a group: whoever is in it (now or later) holds it, nobody else.
    const holdings: Holding[] = [...result.roleOf].map(([holder, roleId]) => ({
      roleId,
      holderType: groupSetId ? 'group' : 'person',
      holderId: holder,
    }));
    await writeHolders(trx, deps, actor, access, holdings, {
      mode: groupSetId ? `${mode}-groups` : mode,
      ownConstituency: result.ownConstituency.length,
    });
    return { ownConstituency: result.ownConstituency };
  });
}
