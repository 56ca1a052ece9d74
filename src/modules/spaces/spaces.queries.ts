/**
 * The spaces module's internal queries: permission-free reads for other modules (the assessment's gate,
 * the candidate dashboard). Not for routes: they answer whoever asks.
 */
import type { Executor } from '../../db/database.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import { isId } from '../../kernel/ids.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import { confirmedEditionsOf } from '../places/places.queries.js';
import type { SpaceAccess } from './space-access.js';
import type { SpaceItemRef } from './space-item-kind.js';
import { toItemRef } from './space-items.js';
import { spaceStructure } from './space-structure.js';
import { loadSpaceView } from './space-view.js';
import { lockOf, percent, type Tally, tally } from './spaces.js';
import {
  countCompletedByPerson,
  countRequiredIncomplete,
  findItem,
  listCompletedAmong,
  listItemsOfKind,
  listItemsOfSpaces,
  listPersonProgress,
  listProgress,
  listRequiredItemIds,
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

/** How many people one query of `allRequiredItemsComplete` asks about (SQLite's bound-parameter limit). */
const PEOPLE_PER_QUERY = 500;

/**
 * For each of `personIds`: true when they have completed every required item of the edition's space (also
 * when it has none, or no space yet) — the assessment's gate for a whole class list in two queries per 500
 * people. Ids that are not ids answer false.
 */
export async function allRequiredItemsComplete(
  db: Executor,
  editionId: string,
  personIds: readonly string[],
): Promise<Map<string, boolean>> {
  const answer = new Map<string, boolean>(personIds.map((id) => [id, false]));
  const people = [...new Set(personIds.filter(isId))];
  if (!isId(editionId) || people.length === 0) return answer;
  const required = await listRequiredItemIds(db, editionId);
  if (required.length === 0) {
    for (const id of people) answer.set(id, true);
    return answer;
  }
  for (let at = 0; at < people.length; at += PEOPLE_PER_QUERY) {
    const batch = people.slice(at, at + PEOPLE_PER_QUERY);
    for (const row of await countCompletedByPerson(db, required, batch))
      answer.set(row.user_id, row.done >= required.length);
  }
  return answer;
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

/** An item of an edition's space as the results module lists it (its components). */
export interface AssessableItem {
  id: string;
  kind: string;
  title: LocalizedText;
  required: boolean;
  /** ISO instant (UTC) it is due, or null. */
  dueAt: string | null;
}

/** One person's score on one item: hundredths of a percent (0–10000), as the item's kind reported it. */
export interface ItemScore {
  itemId: string;
  personId: string;
  score: number;
}

/**
 * The items of the edition's space (in section and item order) and every score reported on them — the
 * results module's gradebook reads marks here (the marking workflow records released marks as scores).
 */
export async function itemsAndScoresOf(
  db: Executor,
  editionId: string,
): Promise<{ items: AssessableItem[]; scores: ItemScore[] }> {
  if (!isId(editionId)) return { items: [], scores: [] };
  const [space] = await listSpacesOfEditions(db, [editionId]);
  if (!space) return { items: [], scores: [] };
  const [sections, rows, progress] = await Promise.all([
    listSections(db, space.id),
    listItemsOfSpaces(db, [space.id]),
    listProgress(db, [space.id]),
  ]);
  const sectionOrder = new Map(sections.map((s, i) => [s.id, i]));
  const items = rows
    .map((row) => toItemRef(row, editionId))
    .sort(
      (a, b) =>
        (sectionOrder.get(a.sectionId) ?? 0) - (sectionOrder.get(b.sectionId) ?? 0) ||
        a.position - b.position,
    )
    .map((i) => ({ id: i.id, kind: i.kind, title: i.title, required: i.required, dueAt: i.dueAt }));
  const scores = progress
    .filter((p) => p.score !== null)
    .map((p) => ({ itemId: p.item_id, personId: p.user_id, score: p.score as number }));
  return { items, scores };
}

/** The sections of the edition's space in order, with their titles (none when it has no space yet). */
export async function sectionsOfEdition(
  db: Executor,
  editionId: string,
): Promise<{ id: string; title: LocalizedText }[]> {
  if (!isId(editionId)) return [];
  const [space] = await listSpacesOfEditions(db, [editionId]);
  if (!space) return [];
  return (await listSections(db, space.id)).map((s) => ({ id: s.id, title: parseLocalized(s.title_i18n) }));
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
  if (!access.space) return false;
  // The structure is kept; the person's completions are read only for an item behind a prerequisite
  // whose date has come (the forum, thread and item pages of most items run no statement here).
  const structure = await spaceStructure(db, access.space.id, access.edition.id);
  const item = structure.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  if (!item || lockOf({ ...item, afterItemId: null }, now, NOTHING_DONE) !== null) return false;
  if (!item.afterItemId) return true;
  const progress = await listPersonProgress(db, access.space.id, personId);
  const completed = new Set(progress.flatMap((p) => (p.completed_at ? [p.item_id] : [])));
  return lockOf(item, now, completed) === null;
}

const NOTHING_DONE: ReadonlySet<string> = new Set();

/** The ids of the items open to the person at `now` (not locked), read from one view of the space. */
export async function openItemIdsFor(
  db: Executor,
  access: SpaceAccess,
  personId: string,
  now: string,
): Promise<Set<string>> {
  const view = await loadSpaceView(db, access, personId, now);
  return new Set(view.items.filter((i) => i.locked === null).map((i) => i.id));
}

/**
 * Of `personIds`, those to whom the item is open at `now` (its date has come, its prerequisite is
 * completed), as the item's page decides: for messages sent without a request (the forums' digest).
 */
export async function peopleWithItemOpen(
  db: Executor,
  itemId: string,
  personIds: readonly string[],
  now: string,
): Promise<Set<string>> {
  const row = isId(itemId) ? await findItem(db, itemId) : undefined;
  if (!row) return new Set();
  const item = toItemRef(row, '');
  const after = item.afterItemId;
  const done = new Set<string>();
  // The prerequisite's completions are read only when the date leaves the item open.
  if (after && lockOf({ ...item, afterItemId: null }, now, done) === null)
    for (let i = 0; i < personIds.length; i += 1000)
      for (const id of await listCompletedAmong(db, after, personIds.slice(i, i + 1000))) done.add(id);
  const completed = new Set(after ? [after] : []);
  const none = new Set<string>();
  return new Set(personIds.filter((id) => lockOf(item, now, done.has(id) ? completed : none) === null));
}
