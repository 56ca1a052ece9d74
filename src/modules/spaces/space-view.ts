/**
 * What a person sees of a space: its sections in order, each with its items in order, and which items the
 * person completed and which are still locked. Shared by the space's home and its item pages.
 */
import type { Executor } from '../../db/database.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { SpaceAccess } from './space-access.js';
import type { SpaceItem } from './space-items.js';
import { type SpaceStructure, spaceStructure } from './space-structure.js';
import { type Locked, lockOf, type Phase, percent, type Tally, tally } from './spaces.js';
import { listPersonProgress } from './spaces.repository.js';

export interface ViewItem extends SpaceItem {
  complete: boolean;
  locked: Locked;
  /** The kept structure's item this one was made from: the same object while the space is unchanged. */
  kept: SpaceItem;
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
  // The structure is kept until a space table changes; only the person's progress is read per request.
  const [structure, progress] = await Promise.all([
    spaceStructure(db, space.id, access.edition.id),
    personId === null ? [] : listPersonProgress(db, space.id, personId),
  ]);
  const completed = new Set<string>();
  const seen = new Set<string>();
  for (const row of progress) {
    seen.add(row.item_id);
    if (row.completed_at) completed.add(row.item_id);
  }
  return viewOfStructure(structure, completed, seen, now);
}

/** Pure: the structure as seen by a person who completed `completed` (and opened `seen`) at `now`. */
export function viewOfStructure(
  structure: SpaceStructure,
  completed: Set<string>,
  seen: Set<string>,
  now: string,
): SpaceView {
  const sections = structure.sections.map((section): ViewSection => {
    const items = section.items.map((ref) => ({
      ...ref,
      complete: completed.has(ref.id),
      locked: lockOf(ref, now, completed),
      kept: ref,
    }));
    const t = tally(items, completed);
    return {
      id: section.id,
      title: section.title,
      phase: section.phase,
      items,
      tally: t,
      percent: percent(t),
    };
  });
  return { sections, items: sections.flatMap((s) => s.items), completed, seen };
}
