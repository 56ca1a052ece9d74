import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { serializeLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { caseAccessFor, ensureCase } from './case-access.js';
import { insertRelease } from './cases.repository.js';
import { releaseSchema } from './cases.schemas.js';

/** Schedules new information ("the government announces…"), shown to participants from its date. Staff. */
export async function scheduleNews(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: unknown,
): Promise<{ id: string }> {
  const access = await caseAccessFor(db, actor, itemId, 'case.manage', deps.clock.now().toISOString());
  const data = parseInput(releaseSchema, input);
  return inTransaction(db, async (trx) => {
    await ensureCase(trx, deps, access.item.id);
    const id = newId();
    await insertRelease(trx, {
      id,
      item_id: access.item.id,
      title_i18n: serializeLocalized(data.title),
      body_i18n: serializeLocalized(data.body),
      release_at: data.releaseAt,
      created_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'cases.news-scheduled',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { releaseId: id, releaseAt: data.releaseAt },
    });
    return { id };
  });
}
