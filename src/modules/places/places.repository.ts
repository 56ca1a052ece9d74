import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { forUpdate } from '../../db/helpers.js';
import { reusableQuery } from '../../db/reusable-query.js';
import type { DB } from '../../db/schema.js';
import { coursesView, editionsView } from '../catalogue/catalogue.read-models.repository.js';
import { usersView } from '../identity/identity.read-models.repository.js';
import { NO_PLACES, type PlaceCounts, type PlaceStatus } from './places.js';
import type { PlaceRow } from './places.tables.js';

/** All SQL about places in editions (the place columns of `enrolments`). */

type NewPlace = Insertable<DB['enrolments']>;
type PlaceUpdate = Updateable<DB['enrolments']>;

const editionColumns = [
  'editions.id',
  'editions.code',
  'editions.course_id',
  'editions.capacity',
  'editions.status',
  'editions.registration_open',
  'editions.registration_deadline',
  'editions.starts_on',
] as const;

/**
 * Reads an edition's capacity and state and, on PostgreSQL, locks its row until the transaction ends:
 * every change of the edition's places takes this lock first, so counting then inserting cannot race
 * (SQLite serialises write transactions already).
 */
export async function lockEdition(db: Executor, editionId: string) {
  return forUpdate(
    db,
    db
      .selectFrom(editionsView(db).as('editions'))
      .select(editionColumns)
      .where('editions.id', '=', editionId),
  ).executeTakeFirst();
}

/** How many places of an edition are in each status. */
export async function countPlaces(db: Executor, editionId: string): Promise<PlaceCounts> {
  const rows = await db
    .selectFrom('enrolments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('edition_id', '=', editionId)
    .groupBy('status')
    .execute();
  const counts = { ...NO_PLACES };
  for (const row of rows) if (row.status in counts) counts[row.status as PlaceStatus] = Number(row.n);
  return counts;
}

/** How many places of these editions are in each status (for the catalogue's edition lists). */
export async function countPlacesOfEditions(db: Executor, editionIds: readonly string[]) {
  if (editionIds.length === 0) return new Map<string, PlaceCounts>();
  const rows = await db
    .selectFrom('enrolments')
    .select(['edition_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('edition_id', 'in', editionIds)
    .groupBy(['edition_id', 'status'])
    .execute();
  const out = new Map<string, PlaceCounts>();
  for (const row of rows) {
    const counts = out.get(row.edition_id) ?? { ...NO_PLACES };
    if (row.status in counts) counts[row.status as PlaceStatus] = Number(row.n);
    out.set(row.edition_id, counts);
  }
  return out;
}

export async function findPlace(db: Executor, id: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('enrolments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPlaceOf(
  db: Executor,
  editionId: string,
  userId: string,
): Promise<PlaceRow | undefined> {
  return db
    .selectFrom('enrolments')
    .selectAll()
    .where('edition_id', '=', editionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertPlace(db: Executor, row: NewPlace): Promise<void> {
  await db.insertInto('enrolments').values(row).execute();
}

export async function updatePlace(db: Executor, id: string, patch: PlaceUpdate): Promise<void> {
  await db.updateTable('enrolments').set(patch).where('id', '=', id).execute();
}

/** The waiting list of an edition (unordered: `orderWaitingList` decides the order). */
export async function listWaiting(db: Executor, editionId: string) {
  return db
    .selectFrom('enrolments')
    .select(['id', 'user_id', 'waitlist_order', 'requested_at'])
    .where('edition_id', '=', editionId)
    .where('status', '=', 'waitlisted')
    .execute();
}

/** The smallest and largest order on an edition's waiting list (null when it is empty). */
export async function waitlistBounds(db: Executor, editionId: string) {
  const row = await db
    .selectFrom('enrolments')
    .select((eb) => [
      eb.fn.min<number | null>('waitlist_order').as('smallest'),
      eb.fn.max<number | null>('waitlist_order').as('largest'),
    ])
    .where('edition_id', '=', editionId)
    .where('status', '=', 'waitlisted')
    .executeTakeFirst();
  const value = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return { smallest: value(row?.smallest), largest: value(row?.largest) };
}

/** Every place of an edition with the person's name and email. */
export async function listEditionPlaces(db: Executor, editionId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin(usersView(db).as('users'), 'users.id', 'enrolments.user_id')
    .selectAll('enrolments')
    .select(['users.full_name', 'users.email'])
    .where('enrolments.edition_id', '=', editionId)
    .orderBy('enrolments.requested_at')
    .orderBy('enrolments.id')
    .execute();
}

/** A person's places with their edition and course. */
export async function listPlacesOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin(editionsView(db).as('editions'), 'editions.id', 'enrolments.edition_id')
    .innerJoin(coursesView(db).as('courses'), 'courses.id', 'editions.course_id')
    .selectAll('enrolments')
    .select([
      'editions.starts_on',
      'editions.ends_on',
      'editions.language',
      'editions.code as edition_code',
      'courses.code as course_code',
      'courses.title_i18n as course_title_i18n',
    ])
    .where('enrolments.user_id', '=', userId)
    .orderBy('editions.starts_on', 'desc')
    .execute();
}

/** People by email (lower case), for bulk enrolment. */
export async function findPeopleByEmails(db: Executor, emails: readonly string[]) {
  if (emails.length === 0) return [];
  return db
    .selectFrom(usersView(db).as('users'))
    .select(['id', 'email'])
    .where('email', 'in', emails)
    .execute();
}

/** Editions by code or id, for bulk enrolment. */
export async function findEditionsByKeys(db: Executor, codes: readonly string[], ids: readonly string[]) {
  if (codes.length === 0 && ids.length === 0) return [];
  return db
    .selectFrom(editionsView(db).as('editions'))
    .select(editionColumns)
    .where((eb) =>
      eb.or([
        ...(codes.length ? [eb('editions.code', 'in', codes)] : []),
        ...(ids.length ? [eb('editions.id', 'in', ids)] : []),
      ]),
    )
    .execute();
}

/** The places of these people in these editions, for bulk enrolment. */
export async function listPlacesIn(db: Executor, editionIds: readonly string[], userIds: readonly string[]) {
  if (editionIds.length === 0 || userIds.length === 0) return [];
  return db
    .selectFrom('enrolments')
    .select(['id', 'edition_id', 'user_id', 'status'])
    .where('edition_id', 'in', editionIds)
    .where('user_id', 'in', userIds)
    .execute();
}

/** Confirmed places in editions starting after `after` and on or before `until` (the reminders). */
export async function listPlacesStartingBetween(db: Executor, after: string, until: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin(editionsView(db).as('editions'), 'editions.id', 'enrolments.edition_id')
    .select(['enrolments.id', 'enrolments.user_id', 'enrolments.edition_id', 'editions.starts_on'])
    .where('enrolments.status', '=', 'enrolled')
    .where('editions.status', '!=', 'cancelled')
    .where('editions.starts_on', '>', after)
    .where('editions.starts_on', '<=', until)
    .orderBy('enrolments.id')
    .execute();
}

/** Rows per statement in bulk writes (below every engine's limit on bound values). */
const CHUNK = 500;

/**
 * Makes places of the requests, waiting-list entries and declined requests among these enrolments : a result recorded for one says the person took the edition.
 */
export async function confirmEnrolmentsWithResults(db: Executor, ids: readonly string[], at: string) {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db
      .updateTable('enrolments')
      .set({ status: 'enrolled', waitlist_order: null, updated_at: at })
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .where('status', 'in', ['requested', 'waitlisted', 'declined'])
      .execute();
  }
}

/** Inserts enrolments in multi-row statements. */
export async function insertEnrolmentRows(db: Executor, rows: readonly NewPlace[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('enrolments')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** Whether a person has a confirmed place in an edition. */
export async function hasConfirmedPlace(db: Executor, editionId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('enrolments')
    .select('id')
    .where('edition_id', '=', editionId)
    .where('user_id', '=', userId)
    .where('status', '=', 'enrolled')
    .executeTakeFirst();
  return row !== undefined;
}

/** The people with a confirmed place in an edition, by name. */
export async function listConfirmedPeople(db: Executor, editionId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin(usersView(db).as('users'), 'users.id', 'enrolments.user_id')
    .select(['users.id', 'users.full_name', 'users.email'])
    .where('enrolments.edition_id', '=', editionId)
    .where('enrolments.status', '=', 'enrolled')
    .orderBy('users.full_name')
    .orderBy('users.id')
    .execute();
}

/** The editions in which a person has a confirmed place. */
export async function listConfirmedEditionIds(db: Executor, userId: string): Promise<string[]> {
  return (await confirmedEditionIds(db, userId)).map((r) => r.edition_id);
}

/** Built and compiled once (reusable-query.ts): the candidate dashboard runs it on every request. */
const confirmedEditionIds = reusableQuery((db, userId: string) =>
  db
    .selectFrom('enrolments')
    .select('edition_id')
    .where('user_id', '=', userId)
    .where('status', '=', 'enrolled'),
);
