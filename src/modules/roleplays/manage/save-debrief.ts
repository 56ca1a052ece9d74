import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { serializeLocalized } from '../../../i18n/localized.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { parseInput } from '../../../kernel/validation.js';
import { updateRoleplay } from '../roleplays.repository.js';
import { debriefSchema } from '../roleplays.schemas.js';
import { manageRoleplay } from './manage-roleplay.js';

/** Writes the facilitator's debrief; `publish` shows it to the participants (unticking hides it again). Staff. */
export async function saveDebrief(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: unknown,
): Promise<void> {
  await manageRoleplay(db, deps, actor, itemId, async (trx, access, row) => {
    const data = parseInput(debriefSchema, input);
    const now = deps.clock.now().toISOString();
    await updateRoleplay(trx, access.item.id, {
      debrief_i18n: serializeLocalized(data.debrief),
      debrief_published_at: data.publish ? (row.debrief_published_at ?? now) : null,
      updated_at: now,
    });
    await audit(trx, deps.clock, actor, {
      action: 'roleplays.debrief-saved',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { published: data.publish },
    });
  });
}
