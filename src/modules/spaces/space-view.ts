/**
 * What a person sees of a space: its sections in order, each with its items in order, and which items the
 * person completed and which are still locked. Shared by the space's home and its item pages.
 */
import type { Executor } from '../../db/database.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import type { SpaceAccess } from './space-access.js';
import { type SpaceItem, toItemRef } from './space-items.js';
import { type Locked, lockOf, type Phase, percent, type Tally, tally } from './spaces.js';
import { listItemsWithProgress, listSections } from './spaces.repository.js';

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
  /** Items the person has opened or done something with (a progress row exists). */
  seen: Set<string>;
}

/** The space's content as `personId` sees it at `now` (a person without progress: all open, none done). */
export async function loadSpaceView(
  db: Executor,
  access: SpaceAccess,
  personId: string | null,
  now: string,
): Promise<SpaceView> {
  const space = access.space;
  if (!space) return { sections: [], items: [], completed: new Set(), seen: new Set() };
  // Two statements: the sections, and the items with the person's progress on each.
  const [sectionRows, itemRows] = await Promise.all([
    listSections(db, space.id),
    listItemsWithProgress(db, space.id, personId),
  ]);
  const completed = new Set<string>();
  const seen = new Set<string>();
  const bySection = new Map<string, ReturnType<typeof toItemRef>[]>();
  for (const row of itemRows) {
    if (row.progress_updated_at !== null) seen.add(row.id);
    if (row.progress_completed_at) completed.add(row.id);
    const ref = toItemRef(row, access.edition.id);
    const own = bySection.get(row.section_id);
    if (own) own.push(ref);
    else bySection.set(row.section_id, [ref]);
  }
  const sections = sectionRows.map((row): ViewSection => {
    const items = (bySection.get(row.id) ?? []).map((ref) => ({
      ...ref,
      complete: completed.has(ref.id),
      locked: lockOf(ref, now, completed),
    }));
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
  return { sections, items: sections.flatMap((s) => s.items), completed, seen };
}
