/**
 * The spaces module's internal queries: permission-free reads for other modules (the assessment's gate,
 * the candidate dashboard). Not for routes: they answer whoever asks.
 */
import type { Executor } from '../../db/database.js';
import type { LocalizedText } from '../../i18n/localized.js';
import { isId } from '../../kernel/ids.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import { confirmedEditionsOf } from '../places/places.queries.js';
import type { SpaceAccess } from './space-access.js';
import type { SpaceItemRef } from './space-item-kind.js';
import { toItemRef } from './space-items.js';
import { loadSpaceView } from './space-view.js';
import { percent, type Tally, tally } from './spaces.js';
import {
  countRequiredIncomplete,
  listItemsOfKind,
  listItemsOfSpaces,
  listProgress,
  listSections,
  listSpacesOfEditions,
} from './spaces.repository.js';

/**
 * True when the person has completed every required item of the edition's space (also when the space has
 * no required item, or no space yet): the gate the individual assignment uses.
 */
export async function allRequiredComplete(
  db: Executor,
  personId: string,
  editionId: string,
): Promise<boolean> {
  if (!isId(personId) || !isId(editionId)) return false;
  return (await countRequiredIncomplete(db, editionId, personId)) === 0;
}

/** A person's progress in one edition's space. */
export interface EditionProgress {
  editionId: string;
  tally: Tally;
  percent: number;
}

/** A person's progress in the spaces of some editions (editions without a space or items are left out). */
export async function progressInEditions(
  db: Executor,
  personId: string,
  editionIds: readonly string[],
): Promise<EditionProgress[]> {
  if (!isId(personId)) return [];
  const spaces = await listSpacesOfEditions(db, editionIds.filter(isId));
  const spaceIds = spaces.map((s) => s.id);
  const [items, progress] = await Promise.all([
    listItemsOfSpaces(db, spaceIds),
    listProgress(db, spaceIds, [personId]),
  ]);
  const done = new Set(progress.filter((p) => p.completed_at).map((p) => p.item_id));
  const out: EditionProgress[] = [];
  for (const space of spaces) {
    const own = items.filter((i) => i.space_id === space.id).map((i) => toItemRef(i, space.edition_id));
    if (own.length === 0) continue;
    const t = tally(own, done);
    out.push({ editionId: space.edition_id, tally: t, percent: percent(t) });
  }
  return out;
}

/** A current edition of a person, with their progress in its space (the candidate dashboard's panel). */
export interface CurrentSpace {
  editionId: string;
  courseTitle: LocalizedText;
  startsOn: string;
  endsOn: string;
  progress: EditionProgress | null;
}

/**
 * The editions in which the person holds a confirmed place and that have not ended on `today`, soonest
 * first, each with the person's progress in its space (null while the space has no item).
 */
export async function currentSpacesOf(
  db: Executor,
  personId: string,
  today: string,
): Promise<CurrentSpace[]> {
  const editionIds = await confirmedEditionsOf(db, personId);
  const found = await Promise.all(editionIds.map((id) => findEditionWithCourse(db, id)));
  const current = found.filter((f) => f !== null && f.edition.endsOn >= today);
  const progress = await progressInEditions(
    db,
    personId,
    current.map((f) => f!.edition.id),
  );
  return current
    .map((f) => ({
      editionId: f!.edition.id,
      courseTitle: f!.course.title,
      startsOn: f!.edition.startsOn,
      endsOn: f!.edition.endsOn,
      progress: progress.find((p) => p.editionId === f!.edition.id) ?? null,
    }))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

/** The id of the first section of the edition's space (null when it has no space or no section yet). */
export async function firstSectionOf(db: Executor, editionId: string): Promise<string | null> {
  if (!isId(editionId)) return null;
  const [space] = await listSpacesOfEditions(db, [editionId]);
  if (!space) return null;
  const [first] = await listSections(db, space.id);
  return first?.id ?? null;
}

/**
 * The items of one kind (a kind's module listing its own items: every webinar of some editions for a
 * calendar, of every edition for reminders); `editionIds` null means every edition.
 */
export async function itemsOfKind(
  db: Executor,
  kind: string,
  editionIds: readonly string[] | null = null,
): Promise<SpaceItemRef[]> {
  const rows = await listItemsOfKind(db, kind, {
    editionIds: editionIds === null ? null : editionIds.filter(isId),
  });
  return rows.map((row) => toItemRef(row, row.edition_id));
}

/** One item of a kind, with its edition (null when there is none of that kind). */
export async function findItemOfKind(
  db: Executor,
  kind: string,
  itemId: string,
): Promise<SpaceItemRef | null> {
  if (!isId(itemId)) return null;
  const [row] = await listItemsOfKind(db, kind, { editionIds: null, itemId });
  return row ? toItemRef(row, row.edition_id) : null;
}

/** An item with a due date, for calendars. */
export interface DueItem {
  id: string;
  editionId: string;
  kind: string;
  title: LocalizedText;
  dueAt: string;
}

/** Every item with a due date in the spaces of some editions (the calendar feeds list them). */
export async function dueItemsOfEditions(db: Executor, editionIds: readonly string[]): Promise<DueItem[]> {
  const spaces = await listSpacesOfEditions(db, editionIds.filter(isId));
  const editionOf = new Map(spaces.map((s) => [s.id, s.edition_id]));
  const items = await listItemsOfSpaces(db, [...editionOf.keys()]);
  return items.flatMap((row) =>
    row.due_at
      ? [
          {
            id: row.id,
            editionId: editionOf.get(row.space_id) ?? '',
            kind: row.kind,
            title: toItemRef(row, '').title,
            dueAt: row.due_at,
          },
        ]
      : [],
  );
}

/** True when the item is open to the person at `now` (not locked by its availability or its prerequisite). */
export async function isItemOpenTo(
  db: Executor,
  access: SpaceAccess,
  itemId: string,
  personId: string,
  now: string,
): Promise<boolean> {
  const view = await loadSpaceView(db, access, personId, now);
  const item = view.items.find((i) => i.id === itemId);
  return item !== undefined && item.locked === null;
}
