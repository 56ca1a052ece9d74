import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { roleplayAccessFor } from '../roleplay-access.js';
import { insertOutcomeVersion, listOutcomeVersions } from '../roleplays.repository.js';
import { outcomeSchema } from '../roleplays.schemas.js';
import { ensureRoleplay } from './manage-roleplay.js';

/**
 * Saves a new version of the negotiated outcome document (Markdown; every version kept). Holders of a role
 * and the edition's staff. A save based on an older version than the latest is refused (someone else saved
 * meanwhile: nothing is overwritten); the unique version number backs that rule.
 */
export async function editOutcome(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: unknown,
): Promise<{ version: number }> {
  const access = await roleplayAccessFor(
    db,
    actor,
    itemId,
    'roleplay.editOutcome',
    deps.clock.now().toISOString(),
  );
  const data = parseInput(outcomeSchema, input);
  return inTransaction(db, async (trx) => {
    await ensureRoleplay(trx, deps, access.item.id);
    const latest = (await listOutcomeVersions(trx, access.item.id))[0]?.version ?? 0;
    if (data.baseVersion !== latest)
      throw new AppError('invalid_state', {}, [{ path: 'body', key: 'roleplays.error.outcomeChanged' }]);
    const version = latest + 1;
    await insertOutcomeVersion(trx, {
      id: newId(),
      item_id: access.item.id,
      version,
      body: data.body,
      edited_by: actor.kind === 'user' ? actor.id : null,
      role_id: access.heldRoleIds[0] ?? null,
      created_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'roleplays.outcome-edited',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { version, length: data.body.length },
    });
    return { version };
  });
}
