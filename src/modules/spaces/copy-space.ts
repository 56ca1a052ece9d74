import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { builderAccess, ensureSpace } from './space-access.js';
import { findItemKind, toItemRef } from './space-items.js';
import { daysBetween, shiftInstant } from './spaces.js';
import {
  insertItem,
  insertSection,
  listItems,
  listSections,
  touchSpace,
  updateItem,
} from './spaces.repository.js';
import { copySchema } from './spaces.schemas.js';

/**
 * Copies the whole space of an earlier edition into this edition's empty space: sections and items in
 * order, every date moved by the difference between the two editions' start dates, "after" links kept
 * between the copies, each kind's own data copied by its kind. Progress is not copied. The builder must be
 * staff of both editions.
 */
export async function copySpace(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  input: unknown,
): Promise<{ days: number; sections: number; items: number }> {
  const { fromEditionId } = parseInput(copySchema, input);
  const target = await builderAccess(db, actor, editionId);
  if (fromEditionId === target.edition.id)
    throw new AppError('validation_failed', {}, [{ path: 'fromEditionId', key: 'spaces.error.sameEdition' }]);
  const source = await builderAccess(db, actor, fromEditionId);
  const days = daysBetween(source.edition.startsOn, target.edition.startsOn);
  const now = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    const sourceSpace = source.space;
    const sections = sourceSpace ? await listSections(trx, sourceSpace.id) : [];
    const items = sourceSpace ? await listItems(trx, sourceSpace.id) : [];
    if (items.length === 0)
      throw new AppError('validation_failed', {}, [
        { path: 'fromEditionId', key: 'spaces.error.nothingToCopy' },
      ]);
    const space = await ensureSpace(trx, deps, target.edition.id);
    if ((await listSections(trx, space.id)).length)
      throw new AppError('invalid_state', {}, [{ path: 'fromEditionId', key: 'spaces.error.notEmpty' }]);
    const sectionIds = new Map(sections.map((s) => [s.id, newId()]));
    const itemIds = new Map(items.map((i) => [i.id, newId()]));
    for (const section of sections)
      await insertSection(trx, {
        ...section,
        id: sectionIds.get(section.id)!,
        space_id: space.id,
        created_at: now,
        updated_at: now,
      });
    // Items first without their "after" links (an item may wait for one copied later), then the links.
    for (const item of items) {
      const id = itemIds.get(item.id)!;
      const from = toItemRef(item, source.edition.id);
      const copied = {
        ...item,
        id,
        space_id: space.id,
        section_id: sectionIds.get(item.section_id)!,
        available_from: shiftInstant(item.available_from, days),
        due_at: shiftInstant(item.due_at, days),
        after_item_id: null,
        created_at: now,
        updated_at: now,
      };
      const kind = findItemKind(deps, item.kind);
      const settings = kind?.copy
        ? await kind.copy(trx, deps, from, { ...toItemRef(copied, target.edition.id) }, days)
        : from.settings;
      await insertItem(trx, { ...copied, settings_json: JSON.stringify(settings) });
    }
    for (const item of items.filter((i) => i.after_item_id && itemIds.has(i.after_item_id)))
      await updateItem(trx, itemIds.get(item.id)!, { after_item_id: itemIds.get(item.after_item_id!)! });
    await touchSpace(trx, space.id, now);
    await audit(trx, deps.clock, actor, {
      action: 'space.copied',
      targetType: 'space',
      targetId: space.id,
      after: { fromEditionId: source.edition.id, days, sections: sections.length, items: items.length },
    });
    return { days, sections: sections.length, items: items.length };
  });
}
