import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { builderAccess } from './space-access.js';
import {
  deleteItem,
  deleteSection,
  findItem,
  findSection,
  listItems,
  updateItem,
} from './spaces.repository.js';

/**
 * Removes a section (only when it holds no item: items are removed one by one, each with its progress) or
 * an item (with everyone's progress on it; items that waited for it no longer wait).
 */
export async function removeFromSpace(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  target: { section: string } | { item: string },
): Promise<void> {
  const access = await builderAccess(db, actor, editionId);
  const space = access.space;
  if (!space) throw new AppError('not_found');
  await inTransaction(db, async (trx) => {
    if ('section' in target) {
      const section = await findSection(trx, target.section);
      if (!section || section.space_id !== space.id) throw new AppError('not_found');
      const items = await listItems(trx, space.id);
      if (items.some((i) => i.section_id === section.id))
        throw new AppError('invalid_state', {}, [{ path: 'section', key: 'spaces.error.sectionNotEmpty' }]);
      await deleteSection(trx, section.id);
      await audit(trx, deps.clock, actor, {
        action: 'space.section-removed',
        targetType: 'space_section',
        targetId: section.id,
        before: { title: section.title_i18n },
      });
      return;
    }
    const item = await findItem(trx, target.item);
    if (!item || item.space_id !== space.id) throw new AppError('not_found');
    for (const waiting of (await listItems(trx, space.id)).filter((i) => i.after_item_id === item.id))
      await updateItem(trx, waiting.id, { after_item_id: null });
    await deleteItem(trx, item.id);
    await audit(trx, deps.clock, actor, {
      action: 'space.item-removed',
      targetType: 'space_item',
      targetId: item.id,
      before: { kind: item.kind, title: item.title_i18n },
    });
  });
}
