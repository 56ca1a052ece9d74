import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { serializeLocalized } from '../../../i18n/localized.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { parseInput } from '../../../kernel/validation.js';
import { updateRoleplay } from '../roleplays.repository.js';
import { settingsSchema } from '../roleplays.schemas.js';
import { manageRoleplay } from './manage-roleplay.js';

/** Saves the scenario everyone reads and whether people may play their own constituency. Staff. */
export async function saveRoleplaySettings(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: unknown,
): Promise<void> {
  await manageRoleplay(db, deps, actor, itemId, async (trx, access) => {
    const data = parseInput(settingsSchema, input);
    await updateRoleplay(trx, access.item.id, {
      scenario_i18n: serializeLocalized(data.scenario),
      allow_own_constituency: data.allowOwnConstituency ? 1 : 0,
      updated_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'roleplays.settings-saved',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { allowOwnConstituency: data.allowOwnConstituency },
    });
  });
}
