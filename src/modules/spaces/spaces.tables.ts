/**
 * The spaces module's tables: one learning space per edition (made on first use), its sections, its items
 * (of any kind a module declares) and each person's progress on each item. Only this module writes them
 * (and only its code names them); the `DB` type gets them from here through declaration merging.
 * PERSISTED: `kind`, `completion_rule`, `phase` and `settings_json` (read by the item kind's schema).
 */
import type { Insertable, Selectable } from 'kysely';

export interface SpacesTable {
  id: string;
  edition_id: string;
  created_at: string;
  updated_at: string;
}

export interface SpaceSectionsTable {
  id: string;
  space_id: string;
  title_i18n: string;
  /** The edition phase the section belongs to (`self-paced`, `live`, `residential`, `assignment`) or null. */
  phase: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface SpaceItemsTable {
  id: string;
  space_id: string;
  section_id: string;
  kind: string;
  title_i18n: string;
  settings_json: string;
  position: number;
  /** ISO instant (UTC) from which participants see it, or null. */
  available_from: string | null;
  /** Another item of the same space a participant completes first, or null. */
  after_item_id: string | null;
  /** A group of the edition it is meant for (the groups module fills it later), or null for everyone. */
  group_id: string | null;
  /** ISO instant (UTC) it is due, or null. */
  due_at: string | null;
  completion_rule: string;
  required: number;
  created_at: string;
  updated_at: string;
}

export interface SpaceItemProgressTable {
  item_id: string;
  user_id: string;
  first_viewed_at: string | null;
  completed_at: string | null;
  /** The last outcome a kind reported (`viewed`, `marked-done`, `passed`, `failed` …). */
  last_outcome: string;
  /** Hundredths of a percent (0–10000) when the kind reports a score. */
  score: number | null;
  updated_at: string;
}

declare module '../../db/schema.js' {
  interface DB {
    spaces: SpacesTable;
    space_sections: SpaceSectionsTable;
    space_items: SpaceItemsTable;
    space_item_progress: SpaceItemProgressTable;
  }
}

export type SpaceRow = Selectable<SpacesTable>;
export type SectionRow = Selectable<SpaceSectionsTable>;
export type ItemRow = Selectable<SpaceItemsTable>;
export type NewItemRow = Insertable<SpaceItemsTable>;
export type ProgressRow = Selectable<SpaceItemProgressTable>;
