import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { findPerson } from '../identity/identity.queries.js';
import { confirmedParticipants } from '../places/places.queries.js';
import { manageRoleplay } from './manage-roleplay.js';
import { assignRoles } from './role-assignment.js';
import { listRoles } from './roleplays.repository.js';
import { assignSchema } from './roleplays.schemas.js';
import { writeHolders } from './write-holders.js';

/**
 * Gives every participant of the edition a role, at random or in balance (nobody plays their own
 * constituency unless the exercise allows it; the constituency is the one in their profile). Staff.
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
    const { mode } = parseInput(assignSchema, input);
    const roles = await listRoles(trx, [access.item.id]);
    if (roles.length === 0)
      throw new AppError('invalid_state', {}, [{ path: 'mode', key: 'roleplays.error.noRoles' }]);
    const people = await confirmedParticipants(trx, access.item.editionId);
    const profiles = await Promise.all(people.map((p) => findPerson(trx, p.id)));
    const result = assignRoles(
      roles.map((r) => ({ id: r.id, constituency: r.constituency })),
      people.map((p, i) => ({
        id: p.id,
        constituencies: profiles[i]?.constituency ? [profiles[i].constituency] : [],
      })),
      { mode, allowOwnConstituency: row.allow_own_constituency === 1, random },
    );
    const roleOf = new Map([...result.roleOf].map(([person, role]) => [person, [role]]));
    await writeHolders(trx, deps, actor, access, roleOf, {
      mode,
      ownConstituency: result.ownConstituency.length,
    });
    return { ownConstituency: result.ownConstituency };
  });
}
