import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { foldForSearch } from '../../kernel/search-fold.js';
import { parseInput } from '../../kernel/validation.js';
import { confirmedParticipants } from '../places/places.queries.js';
import { spaceAccess } from './space-access.js';
import { toItemRef } from './space-items.js';
import { percent, type Tally, tally } from './spaces.js';
import { listGridProgress, listItems, listSections } from './spaces.repository.js';

/** What the grid can be narrowed to: a section, people behind or done, a name or email. */
export const gridFilterSchema = z.object({
  section: z.string().max(64).optional().default(''),
  status: z.enum(['', 'behind', 'complete'], 'validation.invalidChoice').optional().default(''),
  q: z.string().trim().max(100, 'validation.tooLong').optional().default(''),
});
export type GridFilter = z.infer<typeof gridFilterSchema>;

/** One person's state on one item. */
export type GridCell = { state: 'done' | 'started' | 'none'; score: number | null };

export interface ProgressGrid {
  edition: { id: string; courseTitle: LocalizedText; code: string | null };
  filter: GridFilter;
  sections: { id: string; title: LocalizedText }[];
  items: { id: string; sectionId: string; title: LocalizedText; required: boolean }[];
  rows: { id: string; fullName: string; email: string; cells: GridCell[]; tally: Tally; percent: number }[];
  /** People with a confirmed place before filtering. */
  total: number;
}

/**
 * The facilitators' progress grid: the edition's confirmed participants × the space's items, with each
 * person's tally of required items (facilitators of the edition and managers; others as the space says).
 */
export async function getProgressGrid(
  db: Executor,
  _deps: Services,
  actor: Actor,
  editionId: string,
  query: unknown,
): Promise<ProgressGrid> {
  const access = await spaceAccess(db, actor, editionId);
  if (!access.can.seeEveryone) throw new AppError('forbidden');
  const filter = parseInput(gridFilterSchema, query ?? {});
  const space = access.space;
  const [people, sectionRows, itemRows, progress] = await Promise.all([
    confirmedParticipants(db, access.edition.id),
    space ? listSections(db, space.id) : Promise.resolve([]),
    space ? listItems(db, space.id) : Promise.resolve([]),
    space ? listGridProgress(db, space.id) : Promise.resolve([]),
  ]);
  const sectionOrder = new Map(sectionRows.map((s, i) => [s.id, i]));
  const all = itemRows
    .map((row) => toItemRef(row, access.edition.id))
    .sort(
      (a, b) =>
        (sectionOrder.get(a.sectionId) ?? 0) - (sectionOrder.get(b.sectionId) ?? 0) ||
        a.position - b.position,
    );
  const shown = filter.section ? all.filter((i) => i.sectionId === filter.section) : all;
  const byPerson = new Map<string, Map<string, (typeof progress)[number]>>();
  for (const p of progress) {
    const own = byPerson.get(p.user_id) ?? new Map();
    own.set(p.item_id, p);
    byPerson.set(p.user_id, own);
  }
  const needle = foldForSearch(filter.q);
  const rows = people
    .filter((p) => !needle || foldForSearch(`${p.fullName} ${p.email}`).includes(needle))
    .map((person) => {
      const own = byPerson.get(person.id) ?? new Map<string, (typeof progress)[number]>();
      const done = new Set<string>();
      for (const p of own.values()) if (p.completed_at) done.add(p.item_id);
      const t = tally(all, done);
      const cells = shown.map((item): GridCell => {
        const p = own.get(item.id);
        return { state: p?.completed_at ? 'done' : p ? 'started' : 'none', score: p?.score ?? null };
      });
      return { ...person, cells, tally: t, percent: percent(t) };
    })
    .filter((row) => {
      const complete = row.tally.requiredDone === row.tally.requiredTotal;
      return filter.status === '' || (filter.status === 'complete' ? complete : !complete);
    });
  return {
    edition: { id: access.edition.id, courseTitle: access.course.title, code: access.edition.code },
    filter,
    sections: sectionRows.map((s) => ({ id: s.id, title: parseLocalized(s.title_i18n) })),
    items: shown.map((i) => ({ id: i.id, sectionId: i.sectionId, title: i.title, required: i.required })),
    rows,
    total: people.length,
  };
}
