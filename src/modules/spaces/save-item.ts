import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { serializeLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError, type FieldError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { issuesToFieldErrors, parseInput } from '../../kernel/validation.js';
import { builderAccess, ensureSpace } from './space-access.js';
import type { SpaceItemKind } from './space-item-kind.js';
import { findItemKind } from './space-items.js';
import { findSection, insertItem, listItems, touchSpace, updateItem } from './spaces.repository.js';
import { type ItemInput, itemSchema, MAX_ITEMS } from './spaces.schemas.js';
import type { ItemRow } from './spaces.tables.js';

/** The kind's settings checked by the kind's own schema (its problems are fields `settings.*`). */
function checkSettings(kind: SpaceItemKind, settings: unknown): unknown {
  const parsed = kind.settings.safeParse(settings ?? {});
  if (parsed.success) return parsed.data;
  const fields = issuesToFieldErrors(parsed.error.issues).map((f) => ({ ...f, path: `settings.${f.path}` }));
  throw new AppError('validation_failed', {}, fields);
}

/** Pure: the problems of an item's links to other items (waits for itself, or for one that waits for it). */
export function afterProblems(
  items: readonly ItemRow[],
  itemId: string,
  afterItemId: string | null,
): FieldError[] {
  if (afterItemId === null) return [];
  const byId = new Map(items.map((i) => [i.id, i]));
  if (!byId.has(afterItemId)) return [{ path: 'afterItemId', key: 'validation.invalidChoice' }];
  let cursor: string | null = afterItemId;
  for (let steps = 0; cursor !== null && steps <= items.length; steps++) {
    if (cursor === itemId) return [{ path: 'afterItemId', key: 'spaces.error.afterCycle' }];
    cursor = byId.get(cursor)?.after_item_id ?? null;
  }
  return [];
}

/**
 * Adds an item of any declared kind at the end of a section, or changes one (`itemId`): its title, the
 * kind's settings, availability (from a moment, after another item), due date, completion rule (one the
 * kind allows; its first by default) and whether it is required. Facilitators of the edition and managers.
 */
export async function saveItem(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  itemId: string | null,
  input: unknown,
): Promise<{ id: string }> {
  const access = await builderAccess(db, actor, editionId);
  const data: ItemInput = parseInput(itemSchema, input);
  const kind = findItemKind(deps, data.kind);
  if (!kind) throw new AppError('validation_failed', {}, [{ path: 'kind', key: 'validation.invalidChoice' }]);
  const rule = data.completionRule || kind.completionRules[0] || 'viewed';
  if (!kind.completionRules.includes(rule))
    throw new AppError('validation_failed', {}, [
      { path: 'completionRule', key: 'validation.invalidChoice' },
    ]);
  const settings = checkSettings(kind, data.settings);
  const now = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    const space = await ensureSpace(trx, deps, access.edition.id);
    const section = await findSection(trx, data.sectionId);
    if (!section || section.space_id !== space.id)
      throw new AppError('validation_failed', {}, [{ path: 'sectionId', key: 'validation.invalidChoice' }]);
    const items = await listItems(trx, space.id);
    const before = itemId === null ? null : items.find((i) => i.id === itemId);
    if (before === undefined) throw new AppError('not_found');
    if (before && before.kind !== kind.kind)
      throw new AppError('validation_failed', {}, [{ path: 'kind', key: 'validation.invalidChoice' }]);
    const id = before?.id ?? newId();
    const problems = afterProblems(items, id, data.afterItemId);
    if (problems.length) throw new AppError('validation_failed', {}, problems);
    const endOfSection = items.filter((i) => i.section_id === section.id && i.id !== id).length;
    const fields = {
      section_id: section.id,
      title_i18n: serializeLocalized(data.title),
      settings_json: JSON.stringify(settings),
      available_from: data.availableFrom,
      after_item_id: data.afterItemId,
      due_at: data.dueAt,
      completion_rule: rule,
      required: data.required ? 1 : 0,
      updated_at: now,
    };
    if (!before) {
      if (items.length >= MAX_ITEMS)
        throw new AppError('invalid_state', {}, [{ path: 'title.en', key: 'spaces.error.tooManyItems' }]);
      await insertItem(trx, {
        id,
        space_id: space.id,
        kind: kind.kind,
        position: endOfSection,
        group_id: null,
        created_at: now,
        ...fields,
      });
    } else {
      const position = before.section_id === section.id ? before.position : endOfSection;
      await updateItem(trx, id, { ...fields, position });
    }
    await touchSpace(trx, space.id, now);
    await audit(trx, deps.clock, actor, {
      action: before ? 'space.item-changed' : 'space.item-added',
      targetType: 'space_item',
      targetId: id,
      after: { ...fields, title: data.title, settings },
    });
    return { id };
  });
}
