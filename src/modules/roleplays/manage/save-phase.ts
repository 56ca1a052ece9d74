import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { pickLocalized, serializeLocalized } from '../../../i18n/localized.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { createForum } from '../../forums/forums.port.js';
import { PHASES_MAX } from '../roleplay.js';
import { insertPhase, listPhases, updatePhase } from '../roleplays.repository.js';
import { phaseSchema } from '../roleplays.schemas.js';
import { manageRoleplay } from './manage-roleplay.js';
import { phaseForumMembers } from './write-holders.js';

/** Adds a phase (its title and dates, typed in the facilitator's time zone) with its in-character forum. Staff. */
export async function addPhase(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: unknown,
): Promise<{ id: string }> {
  return manageRoleplay(db, deps, actor, itemId, async (trx, access) => {
    const data = parseInput(phaseSchema, input);
    const phases = await listPhases(trx, access.item.id);
    if (phases.length >= PHASES_MAX)
      throw new AppError('invalid_state', {}, [
        { path: 'title.en', key: 'roleplays.error.tooManyPhases', values: { max: PHASES_MAX } },
      ]);
    const id = newId();
    await insertPhase(trx, {
      id,
      item_id: access.item.id,
      position: phases.length,
      title_i18n: serializeLocalized(data.title),
      starts_at: data.startsAt,
      ends_at: data.endsAt,
      forum_id: null,
    });
    // The phase's in-character discussion: members-only (the holders; the edition's staff read it too).
    const forum = await createForum(trx, deps, {
      editionId: access.item.editionId,
      scope: { kind: 'roleplay', id },
      title: pickLocalized(data.title, 'en').text,
      audience: 'members',
      members: await phaseForumMembers(trx, access),
      // The forum itself refuses participants' posts outside the phase, whatever the route.
      postingWindow: { opensAt: data.startsAt, closesAt: data.endsAt },
    });
    await updatePhase(trx, id, { forum_id: forum.id });
    await audit(trx, deps.clock, actor, {
      action: 'roleplays.phase-saved',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { phaseId: id, startsAt: data.startsAt, endsAt: data.endsAt },
    });
    return { id };
  });
}
