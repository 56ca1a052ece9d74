import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { builderAccess } from './space-access.js';
import { listItems, listSections, setPositions } from './spaces.repository.js';
import { moveSchema } from './spaces.schemas.js';

/** Pure: `ids` with `id` swapped with its neighbour in `direction` (unchanged at either end). */
export function moved(ids: readonly string[], id: string, direction: 'up' | 'down'): string[] {
  const out = [...ids];
  const at = out.indexOf(id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= out.length) return out;
  [out[at], out[to]] = [out[to]!, out[at]!];
  return out;
}

/** Moves a section, or an item within its section, one place up or down (the builder's arrows). */
export async function moveInSpace(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  target: { section: string } | { item: string },
  input: unknown,
): Promise<void> {
  const access = await builderAccess(db, actor, editionId);
  const { direction } = parseInput(moveSchema, input);
  const space = access.space;
  if (!space) throw new AppError('not_found');
  await inTransaction(db, async (trx) => {
    if ('section' in target) {
      const ids = (await listSections(trx, space.id)).map((s) => s.id);
      if (!ids.includes(target.section)) throw new AppError('not_found');
      await setPositions(trx, 'space_sections', moved(ids, target.section, direction));
    } else {
      const items = await listItems(trx, space.id);
      const item = items.find((i) => i.id === target.item);
      if (!item) throw new AppError('not_found');
      const ids = items.filter((i) => i.section_id === item.section_id).map((i) => i.id);
      await setPositions(trx, 'space_items', moved(ids, item.id, direction));
    }
    await audit(trx, deps.clock, actor, {
      action: 'space.reordered',
      targetType: 'section' in target ? 'space_section' : 'space_item',
      targetId: 'section' in target ? target.section : target.item,
      after: { direction },
    });
  });
}
