/**
 * What a person sees of a space: its sections in order, each with its items in order, and which items the
 * person completed and which are still locked. Shared by the space's home and its item pages.
 */
import type { Executor } from '../../db/database.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import type { SpaceAccess } from './space-access.js';
import { type SpaceItem, toItemRef } from './space-items.js';
import { type Locked, lockOf, type Phase, percent, type Tally, tally } from './spaces.js';
import { listItems, listProgress, listSections } from './spaces.repository.js';

export interface ViewItem extends SpaceItem {
  complete: boolean;
  locked: Locked;
}

export interface ViewSection {
  id: string;
  title: LocalizedText;
  phase: Phase | null;
  items: ViewItem[];
  tally: Tally;
  percent: number;
}

export interface SpaceView {
  sections: ViewSection[];
  /** Every item in reading order (section by section). */
  items: ViewItem[];
  completed: Set<string>;
}

/** The space's content as `personId` sees it at `now` (a person without progress: all open, none done). */
export async function loadSpaceView(
  db: Executor,
  access: SpaceAccess,
  personId: string | null,
  now: string,
): Promise<SpaceView> {
  const space = access.space;
  if (!space) return { sections: [], items: [], completed: new Set() };
  const [sectionRows, itemRows, progress] = await Promise.all([
    listSections(db, space.id),
    listItems(db, space.id),
    personId ? listProgress(db, [space.id], [personId]) : Promise.resolve([]),
  ]);
  const completed = new Set(progress.filter((p) => p.completed_at).map((p) => p.item_id));
  const sections = sectionRows.map((row): ViewSection => {
    const items = itemRows
      .filter((i) => i.section_id === row.id)
      .map((i) => {
        const ref = toItemRef(i, access.edition.id);
        return { ...ref, complete: completed.has(ref.id), locked: lockOf(ref, now, completed) };
      });
    const t = tally(items, completed);
    return {
      id: row.id,
      title: parseLocalized(row.title_i18n),
      phase: (row.phase as Phase | null) ?? null,
      items,
      tally: t,
      percent: percent(t),
    };
  });
  return { sections, items: sections.flatMap((s) => s.items), completed };
}
