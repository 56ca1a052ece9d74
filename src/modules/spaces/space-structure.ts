/**
 * A space's structure: its sections in order and its items in order with their parsed titles, settings and
 * availability rules. The same for every reader until a space table is written, so it is kept
 * (`KeptResults`, docs/decisions/0009-kept-fragments.md) and a space page reads only the person's own
 * progress per request. Kept values are frozen: callers build their own objects around them.
 */
import type { Executor } from '../../db/database.js';
import { deepFreeze, KeptResults } from '../../db/kept-results.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import { type SpaceItem, toItemRef } from './space-items.js';
import type { Phase } from './spaces.js';
import { listItems, listSections } from './spaces.repository.js';

/**
 * Every table the structure is read from: a write to one of them makes every kept structure stale.
 * `space-structure.integration.test.ts` checks the list against the SQL the structure really runs.
 */
export const SPACE_STRUCTURE_TABLES = ['space_sections', 'space_items'] as const;

export interface StructureSection {
  id: string;
  title: LocalizedText;
  phase: Phase | null;
  /** Its items in order. */
  items: readonly SpaceItem[];
}

export interface SpaceStructure {
  sections: readonly StructureSection[];
}

/** Structures kept per space (a few hundred spaces' worth: each is a few kilobytes). */
const kept = new KeptResults<SpaceStructure>({ tables: SPACE_STRUCTURE_TABLES, maxEntries: 300 });

/** Reads the structure from the database (two statements), without keeping it. */
export async function readSpaceStructure(
  db: Executor,
  spaceId: string,
  editionId: string,
): Promise<SpaceStructure> {
  const [sectionRows, itemRows] = await Promise.all([listSections(db, spaceId), listItems(db, spaceId)]);
  const bySection = new Map<string, SpaceItem[]>();
  for (const row of itemRows) {
    const ref = toItemRef(row, editionId);
    const own = bySection.get(row.section_id);
    if (own) own.push(ref);
    else bySection.set(row.section_id, [ref]);
  }
  return deepFreeze({
    sections: sectionRows.map((row) => ({
      id: row.id,
      title: parseLocalized(row.title_i18n),
      phase: (row.phase as Phase | null) ?? null,
      items: bySection.get(row.id) ?? [],
    })),
  });
}

/** The space's structure, kept until a space table changes (read anew inside a transaction). */
export function spaceStructure(db: Executor, spaceId: string, editionId: string): Promise<SpaceStructure> {
  return kept.get(db, `${spaceId}|${editionId}`, () => readSpaceStructure(db, spaceId, editionId));
}
