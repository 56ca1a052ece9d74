import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { changeCandidacy } from './change-candidacy.js';
import { insertExtension, listExtensionRows } from './pathway.repository.js';
import { extensionSchema } from './pathway.schemas.js';

/**
 * Grants a window extension of some months, with a reason (programme managers; audited). The modules that
 * follow extensions (`onExtensionGranted`: the capstones module notifies) run in the same transaction.
 */
export async function grantExtension(
  db: Executor,
  deps: Services,
  actor: Actor,
  candidacyId: string,
  input: unknown,
): Promise<void> {
  const data = parseInput(extensionSchema, input);
  const now = deps.clock.now().toISOString();
  await changeCandidacy(db, deps, actor, candidacyId, 'candidate.extension-granted', async (trx, row) => {
    const before = (await listExtensionRows(trx, [row.id])).reduce((sum, e) => sum + e.months, 0);
    const extensionId = newId();
    await insertExtension(trx, {
      id: extensionId,
      candidacy_id: row.id,
      months: data.months,
      reason: data.reason,
      granted_by: actor.kind === 'user' ? actor.id : null,
      granted_at: now,
    });
    // The modules that follow extensions (the capstones' notices), in this transaction.
    const extension = {
      extensionId,
      candidacyId: row.id,
      userId: row.user_id,
      programmeId: row.programme_id,
      months: data.months,
      reason: data.reason,
    };
    for (const module of deps.modules) await module.onExtensionGranted?.(trx, deps, extension);
    return {
      before: { extensionMonths: before },
      after: { extensionMonths: before + data.months, months: data.months, reason: data.reason },
    };
  });
}
