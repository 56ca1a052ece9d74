import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { parseInput } from '../../../kernel/validation.js';
import { confirmedParticipants } from '../../places/places.queries.js';
import { listRoles } from '../roleplays.repository.js';
import { holdersSchema } from '../roleplays.schemas.js';
import { manageRoleplay } from './manage-roleplay.js';
import { type Holding, writeHolders } from './write-holders.js';

/**
 * Sets the holders of each role by hand (`holders.<roleId>`: the chosen participants), in person: every
 * holder is replaced, a role given to a group before included. Staff.
 */
export async function setHolders(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: unknown,
): Promise<void> {
  await manageRoleplay(db, deps, actor, itemId, async (trx, access) => {
    const chosen = parseInput(holdersSchema, input);
    const roles = new Set((await listRoles(trx, [access.item.id])).map((r) => r.id));
    const participants = new Set((await confirmedParticipants(trx, access.item.editionId)).map((p) => p.id));
    const holdings: Holding[] = [];
    for (const [roleId, people] of Object.entries(chosen)) {
      if (!roles.has(roleId))
        throw new AppError('validation_failed', {}, [
          { path: `holders.${roleId}`, key: 'validation.invalidChoice' },
        ]);
      for (const person of people) {
        if (!participants.has(person))
          throw new AppError('validation_failed', {}, [
            { path: `holders.${roleId}`, key: 'roleplays.error.notParticipant' },
          ]);
        holdings.push({ roleId, holderType: 'person', holderId: person });
      }
    }
    await writeHolders(trx, deps, actor, access, holdings, { mode: 'hand', ownConstituency: 0 });
  });
}
