/** All SQL of the spaces module: spaces, sections, items and progress (its own tables only). */
import type { Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { reusableQuery } from '../../db/reusable-query.js';
import type { DB } from '../../db/schema.js';
import {
  coursesView,
  editionFacilitatorsView,
  editionsView,
} from '../catalogue/catalogue.read-models.repository.js';
import { usersView } from '../identity/identity.read-models.repository.js';
import { confirmedPlacesView } from '../places/places.read-models.repository.js';
import type { ItemRow, NewItemRow, ProgressRow, SectionRow, SpaceRow } from './spaces.tables.js';

export async function findSpaceOfEdition(db: Executor, editionId: string): Promise<SpaceRow | undefined> {
  return db.selectFrom('spaces').selectAll().where('edition_id', '=', editionId).executeTakeFirst();
}

/**
 * Everything a space page knows before its content, in one statement: the edition and its course's code
 * and title, the edition's space (null columns when it has none yet), and the viewer's standing (facilitator
 * of the edition, confirmed place) and time zone. `userId` null: no standing, no zone.
 */
export async function findSpaceContext(db: Executor, editionId: string, userId: string | null) {
  return (await spaceContext(db, editionId, userId ?? ''))[0];
}

// Every space page runs these two (the context, the person's progress): built and compiled once (reusableQuery).
const spaceContext = reusableQuery((db, editionId: string, viewer: string) =>
  db
    .selectFrom(editionsView(db).as('editions'))
    .innerJoin(coursesView(db).as('courses'), 'courses.id', 'editions.course_id')
    .leftJoin('spaces', 'spaces.edition_id', 'editions.id')
    .selectAll('editions')
    .select([
      'courses.code as course_code',
      'courses.title_i18n as course_title_i18n',
      'spaces.id as space_id',
      'spaces.created_at as space_created_at',
      'spaces.updated_at as space_updated_at',
    ])
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom(editionFacilitatorsView(db).as('facilitators'))
            .select('facilitators.user_id')
            .whereRef('facilitators.edition_id', '=', 'editions.id')
            .where('facilitators.user_id', '=', viewer),
        )
        .as('is_facilitator'),
      eb
        .exists(
          eb
            .selectFrom(confirmedPlacesView(db).as('places'))
            .select('places.user_id')
            .whereRef('places.edition_id', '=', 'editions.id')
            .where('places.user_id', '=', viewer),
        )
        .as('is_participant'),
      eb
        .selectFrom(usersView(db).as('viewer'))
        .select('viewer.time_zone')
        .where('viewer.id', '=', viewer)
        .as('viewer_time_zone'),
    ])
    .where('editions.id', '=', editionId),
);

export async function listSpacesOfEditions(db: Executor, editionIds: readonly string[]): Promise<SpaceRow[]> {
  if (editionIds.length === 0) return [];
  // One edition (a candidate's dashboard, most pages of a space): a fixed statement, built once.
  if (editionIds.length === 1) return spaceOfEdition(db, editionIds[0]!);
  return db.selectFrom('spaces').selectAll().where('edition_id', 'in', editionIds).execute();
}

const spaceOfEdition = reusableQuery((db, editionId: string) =>
  db.selectFrom('spaces').selectAll().where('edition_id', '=', editionId),
);

export async function insertSpace(db: Executor, row: SpaceRow): Promise<void> {
  await db
    .insertInto('spaces')
    .values(row)
    .onConflict((oc) => oc.column('edition_id').doNothing())
    .execute();
}

export async function touchSpace(db: Executor, spaceId: string, at: string): Promise<void> {
  await db.updateTable('spaces').set({ updated_at: at }).where('id', '=', spaceId).execute();
}

export async function listSections(db: Executor, spaceId: string): Promise<SectionRow[]> {
  return db
    .selectFrom('space_sections')
    .selectAll()
    .where('space_id', '=', spaceId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function findSection(db: Executor, sectionId: string): Promise<SectionRow | undefined> {
  return db.selectFrom('space_sections').selectAll().where('id', '=', sectionId).executeTakeFirst();
}

export async function insertSection(db: Executor, row: SectionRow): Promise<void> {
  await db.insertInto('space_sections').values(row).execute();
}

export async function updateSection(
  db: Executor,
  id: string,
  patch: Updateable<DB['space_sections']>,
): Promise<void> {
  await db.updateTable('space_sections').set(patch).where('id', '=', id).execute();
}

export async function deleteSection(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('space_sections').where('id', '=', id).execute();
}

export async function listItems(db: Executor, spaceId: string): Promise<ItemRow[]> {
  return db
    .selectFrom('space_items')
    .selectAll()
    .where('space_id', '=', spaceId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function listItemsOfSpaces(db: Executor, spaceIds: readonly string[]): Promise<ItemRow[]> {
  if (spaceIds.length === 0) return [];
  return db.selectFrom('space_items').selectAll().where('space_id', 'in', spaceIds).execute();
}

/** Items of one kind with their edition: of some editions (all when `editionIds` is null), or one item. */
export async function listItemsOfKind(
  db: Executor,
  kind: string,
  filter: { editionIds: readonly string[] | null; itemId?: string },
): Promise<(ItemRow & { edition_id: string })[]> {
  const { editionIds, itemId } = filter;
  if (editionIds !== null && editionIds.length === 0) return [];
  let query = db
    .selectFrom('space_items')
    .innerJoin('spaces', 'spaces.id', 'space_items.space_id')
    .selectAll('space_items')
    .select('spaces.edition_id')
    .where('space_items.kind', '=', kind);
  if (editionIds !== null) query = query.where('spaces.edition_id', 'in', editionIds);
  if (itemId !== undefined) query = query.where('space_items.id', '=', itemId);
  return query.orderBy('space_items.id').execute();
}

export async function findItem(db: Executor, itemId: string): Promise<ItemRow | undefined> {
  return db.selectFrom('space_items').selectAll().where('id', '=', itemId).executeTakeFirst();
}

export async function insertItem(db: Executor, row: NewItemRow): Promise<void> {
  await db.insertInto('space_items').values(row).execute();
}

export async function updateItem(
  db: Executor,
  id: string,
  patch: Updateable<DB['space_items']>,
): Promise<void> {
  await db.updateTable('space_items').set(patch).where('id', '=', id).execute();
}

export async function deleteItem(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('space_items').where('id', '=', id).execute();
}

/** Sets the position of each id (sections or items) to its index. */
export async function setPositions(
  db: Executor,
  table: 'space_sections' | 'space_items',
  ids: readonly string[],
): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await db.updateTable(table).set({ position }).where('id', '=', id).execute();
  }
}

export async function findProgress(
  db: Executor,
  itemId: string,
  userId: string,
): Promise<ProgressRow | undefined> {
  return db
    .selectFrom('space_item_progress')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Of `userIds`, those who completed the item. */
export async function listCompletedAmong(
  db: Executor,
  itemId: string,
  userIds: readonly string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('space_item_progress')
    .select('user_id')
    .where('item_id', '=', itemId)
    .where('user_id', 'in', userIds)
    .where('completed_at', 'is not', null)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function upsertProgress(db: Executor, row: ProgressRow): Promise<void> {
  await db
    .insertInto('space_item_progress')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['item_id', 'user_id']).doUpdateSet({
        first_viewed_at: row.first_viewed_at,
        completed_at: row.completed_at,
        last_outcome: row.last_outcome,
        score: row.score,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/**
 * One person's progress on the items of one space, only what a space page reads (which items they completed
 * and which they have opened): the space's structure itself is kept (`space-structure.ts`).
 */
export async function listPersonProgress(db: Executor, spaceId: string, userId: string) {
  return personProgress(db, spaceId, userId);
}

const personProgress = reusableQuery((db, spaceId: string, userId: string) =>
  db
    .selectFrom('space_item_progress as progress')
    .innerJoin('space_items', 'space_items.id', 'progress.item_id')
    .select(['progress.item_id', 'progress.completed_at'])
    .where('progress.user_id', '=', userId)
    .where('space_items.space_id', '=', spaceId),
);

/**
 * Everyone's progress on the items of a space, only what the progress grid shows (completed or not, the
 * score): 300 people × 40 items are up to 12,000 rows, so no column more than needed.
 */
export async function listGridProgress(db: Executor, spaceId: string) {
  return db
    .selectFrom('space_item_progress')
    .innerJoin('space_items', 'space_items.id', 'space_item_progress.item_id')
    .select([
      'space_item_progress.item_id',
      'space_item_progress.user_id',
      'space_item_progress.completed_at',
      'space_item_progress.score',
    ])
    .where('space_items.space_id', '=', spaceId)
    .execute();
}

/** The progress rows of some people on the items of some spaces. */
export async function listProgress(
  db: Executor,
  spaceIds: readonly string[],
  userIds?: readonly string[],
): Promise<ProgressRow[]> {
  if (spaceIds.length === 0 || userIds?.length === 0) return [];
  let query = db
    .selectFrom('space_item_progress')
    .innerJoin('space_items', 'space_items.id', 'space_item_progress.item_id')
    .selectAll('space_item_progress')
    .where('space_items.space_id', 'in', spaceIds);
  if (userIds) query = query.where('space_item_progress.user_id', 'in', userIds);
  return query.execute();
}

/** How many required items of an edition's space a person has not completed (0 when it has none). */
export async function countRequiredIncomplete(
  db: Executor,
  editionId: string,
  userId: string,
): Promise<number> {
  const row = await db
    .selectFrom('space_items')
    .innerJoin('spaces', 'spaces.id', 'space_items.space_id')
    .leftJoin('space_item_progress', (join) =>
      join
        .onRef('space_item_progress.item_id', '=', 'space_items.id')
        .on('space_item_progress.user_id', '=', userId),
    )
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('count'))
    .where('spaces.edition_id', '=', editionId)
    .where('space_items.required', '=', 1)
    .where('space_item_progress.completed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The ids of the required items of the edition's space. */
export async function listRequiredItemIds(db: Executor, editionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('space_items')
    .innerJoin('spaces', 'spaces.id', 'space_items.space_id')
    .select('space_items.id')
    .where('spaces.edition_id', '=', editionId)
    .where('space_items.required', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

/** How many of `itemIds` each of `userIds` has completed (people with none are absent). */
export async function countCompletedByPerson(
  db: Executor,
  itemIds: readonly string[],
  userIds: readonly string[],
): Promise<{ user_id: string; done: number }[]> {
  if (itemIds.length === 0 || userIds.length === 0) return [];
  const rows = await db
    .selectFrom('space_item_progress')
    .select(['user_id', (eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('done')])
    .where('item_id', 'in', itemIds)
    .where('user_id', 'in', userIds)
    .where('completed_at', 'is not', null)
    .groupBy('user_id')
    .execute();
  return rows.map((r) => ({ user_id: r.user_id, done: Number(r.done) }));
}

/** Other editions of a course whose space has content (the builder's "copy from"), latest first. */
export async function listCopySources(db: Executor, courseId: string, exceptEditionId: string) {
  return db
    .selectFrom(editionsView(db).as('editions'))
    .innerJoin('spaces', 'spaces.edition_id', 'editions.id')
    .select(['editions.id', 'editions.code', 'editions.starts_on', 'editions.language'])
    .where('editions.course_id', '=', courseId)
    .where('editions.id', '!=', exceptEditionId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('space_items')
          .select('space_items.id')
          .whereRef('space_items.space_id', '=', 'spaces.id'),
      ),
    )
    .orderBy('editions.starts_on', 'desc')
    .limit(50)
    .execute();
}
