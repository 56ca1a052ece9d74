/**
 * Items as the spaces module and the item kinds see them: rows mapped to `SpaceItemRef`, and the kinds
 * every module of the platform declares (`Module.spaceItemKinds`), looked up by code.
 */
import type { Services } from '../../deps.js';
import { parseLocalized } from '../../i18n/localized.js';
import {
  COMPLETION_RULES,
  type CompletionRule,
  type SpaceItemKind,
  type SpaceItemRef,
} from './space-item-kind.js';
import type { ItemRow } from './spaces.tables.js';

/** Every item kind the platform's modules declare, in module order (listed once per list of modules). */
export function itemKinds(deps: Pick<Services, 'modules'>): readonly SpaceItemKind[] {
  let kinds = kindsOfModules.get(deps.modules);
  if (!kinds) {
    kinds = Object.freeze(deps.modules.flatMap((m) => m.spaceItemKinds ?? []));
    kindsOfModules.set(deps.modules, kinds);
  }
  return kinds;
}

/** The kinds of each list of modules (an application's list does not change once it is built). */
const kindsOfModules = new WeakMap<object, readonly SpaceItemKind[]>();

/** The kind with this code, or null when no module declares it (its module was removed). */
export function findItemKind(deps: Pick<Services, 'modules'>, kind: string): SpaceItemKind | null {
  return itemKinds(deps).find((k) => k.kind === kind) ?? null;
}

function parseSettings(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return {};
  }
}

/** An item row as the kinds see it. */
export function toItemRef(
  row: ItemRow,
  editionId: string,
): SpaceItemRef & { sectionId: string; position: number; afterItemId: string | null } {
  return {
    id: row.id,
    spaceId: row.space_id,
    sectionId: row.section_id,
    editionId,
    kind: row.kind,
    title: parseLocalized(row.title_i18n),
    settings: parseSettings(row.settings_json),
    completionRule: (COMPLETION_RULES as readonly string[]).includes(row.completion_rule)
      ? (row.completion_rule as CompletionRule)
      : 'viewed',
    required: row.required === 1,
    availableFrom: row.available_from,
    afterItemId: row.after_item_id,
    dueAt: row.due_at,
    position: row.position,
  };
}

export type SpaceItem = ReturnType<typeof toItemRef>;
