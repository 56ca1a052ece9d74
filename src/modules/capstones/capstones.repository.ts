/** All the capstones module's SQL (rows in, rows out). */

import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.js';
import { escapeLike, forUpdate, fullTextQuery } from '../../db/helpers.js';
import { libraryFilterWords } from './capstone.js';
import type {
  CapstoneAttemptRow,
  CapstoneAttemptsTable,
  CapstoneMessageRow,
  CapstoneMessagesTable,
  CapstoneRow,
  CapstoneSettingsTable,
  CapstonesTable,
} from './capstones.tables.js';

export async function insertCapstone(db: Executor, row: Insertable<CapstonesTable>): Promise<void> {
  await db.insertInto('capstones').values(row).execute();
}

export async function updateCapstone(
  db: Executor,
  id: string,
  patch: Updateable<CapstonesTable>,
): Promise<void> {
  await db.updateTable('capstones').set(patch).where('id', '=', id).execute();
}

export async function findCapstone(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CapstoneRow | undefined> {
  const query = db.selectFrom('capstones').selectAll().where('id', '=', id);
  return (options.lock ? forUpdate(db, query) : query).executeTakeFirst();
}

export async function findCapstoneOfCandidacy(
  db: Executor,
  candidacyId: string,
): Promise<CapstoneRow | undefined> {
  return db.selectFrom('capstones').selectAll().where('candidacy_id', '=', candidacyId).executeTakeFirst();
}

export async function listCapstonesOfUser(db: Executor, userId: string): Promise<CapstoneRow[]> {
  return db.selectFrom('capstones').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
}

export async function listCapstoneTitles(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('capstones')
    .select(['id', 'title'])
    .where('id', 'in', [...ids])
    .execute();
}

/** A page of capstones in some states, oldest change first (the committee's and managers' queues). */
export async function listCapstonesInStates(
  db: Executor,
  states: readonly string[],
  limit: number,
  offset = 0,
): Promise<{ rows: CapstoneQueueRow[]; total: number }> {
  const base = db.selectFrom('capstones').where('state', 'in', [...states]);
  const rows = await base
    .select(QUEUE_COLUMNS)
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  const count = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

export async function listCapstonesByIds(db: Executor, ids: readonly string[]): Promise<CapstoneRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('capstones')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/** The columns a line of the queues shows (the long texts stay unread). */
const QUEUE_COLUMNS = [
  'id',
  'title',
  'country',
  'state',
  'user_id',
  'final_due',
  'resubmission_due',
  'updated_at',
] as const;
export type CapstoneQueueRow = Pick<CapstoneRow, (typeof QUEUE_COLUMNS)[number]>;

export async function listCapstonesOfSupervisor(db: Executor, personId: string): Promise<CapstoneQueueRow[]> {
  return db
    .selectFrom('capstones')
    .select(QUEUE_COLUMNS)
    .where('supervisor_id', '=', personId)
    .orderBy('updated_at', 'desc')
    .execute();
}

/** How many capstones still in progress each supervisor has. */
export async function supervisorLoads(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('capstones')
    .select(['supervisor_id', (eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
    .where('supervisor_id', 'is not', null)
    .where('state', 'in', ['approved', 'submitted', 'resubmission'])
    .groupBy('supervisor_id')
    .execute();
  return new Map(rows.map((r) => [r.supervisor_id!, Number(r.n)]));
}

export async function listSupervisors(db: Executor) {
  return db.selectFrom('capstone_supervisors').selectAll().orderBy('created_at').execute();
}

export async function findSupervisor(db: Executor, personId: string) {
  return db
    .selectFrom('capstone_supervisors')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function upsertSupervisor(
  db: Executor,
  personId: string,
  maxLoad: number,
  at: string,
): Promise<void> {
  await db
    .insertInto('capstone_supervisors')
    .values({ person_id: personId, max_load: maxLoad, created_at: at })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ max_load: maxLoad }))
    .execute();
}

export async function findSettings(db: Executor, programmeId: string) {
  return db
    .selectFrom('capstone_settings')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
}

export async function upsertSettings(db: Executor, row: Insertable<CapstoneSettingsTable>): Promise<void> {
  const { programme_id: _, ...rest } = row;
  await db
    .insertInto('capstone_settings')
    .values(row)
    .onConflict((oc) => oc.column('programme_id').doUpdateSet(rest))
    .execute();
}

export async function insertAttempt(db: Executor, row: Insertable<CapstoneAttemptsTable>): Promise<void> {
  await db.insertInto('capstone_attempts').values(row).execute();
}

export async function updateAttempt(
  db: Executor,
  id: string,
  patch: Updateable<CapstoneAttemptsTable>,
): Promise<void> {
  await db.updateTable('capstone_attempts').set(patch).where('id', '=', id).execute();
}

export async function listAttempts(db: Executor, capstoneId: string): Promise<CapstoneAttemptRow[]> {
  return db
    .selectFrom('capstone_attempts')
    .selectAll()
    .where('capstone_id', '=', capstoneId)
    .orderBy('attempt')
    .execute();
}

export async function findAttempt(db: Executor, id: string): Promise<CapstoneAttemptRow | undefined> {
  return db.selectFrom('capstone_attempts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteAttempt(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('capstone_attempts').where('id', '=', id).execute();
}

export async function insertMessage(db: Executor, row: Insertable<CapstoneMessagesTable>): Promise<void> {
  await db.insertInto('capstone_messages').values(row).execute();
}

export async function listMessages(db: Executor, capstoneId: string): Promise<CapstoneMessageRow[]> {
  return db
    .selectFrom('capstone_messages')
    .selectAll()
    .where('capstone_id', '=', capstoneId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findMessage(db: Executor, id: string): Promise<CapstoneMessageRow | undefined> {
  return db.selectFrom('capstone_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The library's filters, already checked (folded query text; empty means no filter). */
export interface LibraryFilter {
  folded: string;
  country: string;
  theme: string;
  language: string;
  year: number | null;
}

/** Puts a published capstone's search document in the library's full-text index (replacing it). */
export async function indexLibraryEntry(db: Executor, capstoneId: string, body: string): Promise<void> {
  await unindexLibraryEntry(db, capstoneId);
  await db.insertInto('capstone_library_search').values({ capstone_id: capstoneId, body }).execute();
}

/** Takes a capstone out of the library's full-text index (consent withdrawn). */
export async function unindexLibraryEntry(db: Executor, capstoneId: string): Promise<void> {
  await db.deleteFrom('capstone_library_search').where('capstone_id', '=', capstoneId).execute();
}

/** Many search documents at once (the bench's scale data). */
export async function indexManyLibraryEntries(
  db: Executor,
  rows: readonly { capstone_id: string; body: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('capstone_library_search')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** The ids of published capstones whose search document matches a query built by `fullTextQuery`. */
function libraryMatches(db: Executor, query: string) {
  if (dialectOf(db) === 'sqlite')
    return db
      .selectFrom('capstone_library_search')
      .select('capstone_library_search.capstone_id')
      .where(sql<boolean>`capstone_library_search match ${query}`);
  return db
    .selectFrom('capstone_library_search')
    .select('capstone_library_search.capstone_id')
    .where(sql<boolean>`body_tsv @@ to_tsquery('simple', ${query})`);
}

/** The full-text query of a search: its words as prefixes, and its filters as the documents' filter words. */
function libraryQuery(dialect: ReturnType<typeof dialectOf>, filter: LibraryFilter): string | null {
  const words = fullTextQuery(dialect, filter.folded);
  if (!words) return null;
  const filters = libraryFilterWords({ ...filter, year: filter.year });
  if (dialect === 'sqlite') return [words, ...filters.map((w) => `"${w}"`)].join(' ');
  return [words, ...filters].join(' & ');
}

/** Published capstones only, newest first; the page and the total. Words are matched in the full-text index. */
export async function searchLibrary(
  db: Executor,
  filter: LibraryFilter,
  limit: number,
  offset: number,
): Promise<{ rows: CapstoneRow[]; total: number }> {
  const query = libraryQuery(dialectOf(db), filter);
  // With words to match, the full-text index must lead (a few hundred ids, looked up by primary key): on
  // SQLite a unary `+` keeps the planner from scanning every published row through a column's index.
  const column = (name: 'state' | 'published_at' | 'country' | 'language' | 'completed_on') =>
    query && dialectOf(db) === 'sqlite' ? sql<string>`+${sql.ref(name)}` : sql<string>`${sql.ref(name)}`;
  let base = db
    .selectFrom('capstones')
    .where(column('state'), '=', 'passed')
    .where(column('published_at'), 'is not', null);
  if (filter.country) base = base.where(column('country'), '=', filter.country);
  if (filter.language) base = base.where(column('language'), '=', filter.language);
  if (filter.year !== null)
    base = base
      .where(column('completed_on'), '>=', `${filter.year}-01-01`)
      .where(column('completed_on'), '<=', `${filter.year}-12-31`);
  if (filter.theme)
    base = base.where(
      sql<boolean>`${sql.ref('themes_json')} like ${`%${escapeLike(JSON.stringify(filter.theme).slice(1, -1))}%`} escape '\\'`,
    );
  if (query) base = base.where('capstones.id', 'in', libraryMatches(db, query));
  const rows = await base
    .selectAll()
    .orderBy('completed_on', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  // A short first page is the whole result: no second query to count it.
  if (offset === 0 && rows.length < limit) return { rows, total: rows.length };
  // The index holds published capstones only, with their country, language and year: without a theme it
  // counts the matches alone (no document is read).
  if (query && !filter.theme) {
    const counted = await db
      .selectFrom(libraryMatches(db, query).as('m'))
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .executeTakeFirst();
    return { rows, total: Number(counted?.n ?? 0) };
  }
  const count = await base
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

/** Themes of published capstones (the library's filter). */
export async function listPublishedThemes(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('capstones')
    .select('themes_json')
    .distinct()
    .where('published_at', 'is not', null)
    .where('state', '=', 'passed')
    .execute();
  const out = new Set<string>();
  for (const row of rows) for (const theme of JSON.parse(row.themes_json) as string[]) out.add(theme);
  return [...out].sort();
}

/**
 * Capstones at risk on the managers' list, soonest final date first: in progress with the final date on or
 * before `horizon`, or with an outline or full-draft date on or before it and that milestone not recorded
 * as reached; or to be resubmitted by a date on or before it.
 */
export async function listAtRisk(db: Executor, horizon: string, limit: number): Promise<CapstoneQueueRow[]> {
  return db
    .selectFrom('capstones')
    .select(QUEUE_COLUMNS)
    .where((eb) => {
      const unreached = (milestone: 'outline' | 'draft') =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('capstone_milestones as m')
              .select('m.capstone_id')
              .whereRef('m.capstone_id', '=', 'capstones.id')
              .where('m.milestone', '=', milestone),
          ),
        );
      return eb.or([
        eb.and([
          eb('state', '=', 'approved'),
          eb.or([
            eb('final_due', '<=', horizon),
            eb.and([eb('outline_due', '<=', horizon), unreached('outline')]),
            eb.and([eb('draft_due', '<=', horizon), unreached('draft')]),
          ]),
        ]),
        eb.and([eb('state', '=', 'resubmission'), eb('resubmission_due', '<=', horizon)]),
      ]);
    })
    .orderBy('final_due')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** How many capstones are in each state. */
export async function countByState(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('capstones')
    .select(['state', (eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
    .groupBy('state')
    .execute();
  return new Map(rows.map((r) => [r.state, Number(r.n)]));
}

/**
 * How many capstones are in each of `states`, counting no further than `cap + 1` per state (one statement:
 * each state reads at most `cap + 1` entries of the queue index, however many thousands it holds).
 */
export async function countStatesUpTo(
  db: Executor,
  states: readonly string[],
  cap: number,
): Promise<Map<string, number>> {
  const parts = states.map(
    (state) =>
      sql`select ${state} as state, count(*) as n from (select 1 as one from capstones where state = ${state} limit ${cap + 1}) as capped`,
  );
  const { rows } = await sql<{
    state: string;
    n: number | string;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return new Map(rows.map((r) => [r.state, Number(r.n)]));
}

/** Many capstones and their attempts at once (the bench's scale data), in batches. */
export async function insertManyCapstones(
  db: Executor,
  capstones: Insertable<CapstonesTable>[],
  attempts: Insertable<CapstoneAttemptsTable>[],
): Promise<void> {
  for (let i = 0; i < capstones.length; i += 200)
    await db
      .insertInto('capstones')
      .values(capstones.slice(i, i + 200))
      .execute();
  for (let i = 0; i < attempts.length; i += 200)
    await db
      .insertInto('capstone_attempts')
      .values(attempts.slice(i, i + 200))
      .execute();
}

/** The submitted attempts of some capstones, oldest first (one query for a page of the library). */
export async function listSubmittedAttemptsOf(
  db: Executor,
  capstoneIds: readonly string[],
): Promise<CapstoneAttemptRow[]> {
  if (capstoneIds.length === 0) return [];
  return db
    .selectFrom('capstone_attempts')
    .selectAll()
    .where('capstone_id', 'in', [...capstoneIds])
    .where('submitted_at', 'is not', null)
    .orderBy('attempt')
    .execute();
}

/** The ids of a programme's capstone committee (empty: the programme's managers all decide). */
export async function listCommittee(db: Executor, programmeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('capstone_committee')
    .select('person_id')
    .where('programme_id', '=', programmeId)
    .orderBy('named_at')
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

/** The programmes whose committee has members, and whether `personId` sits on each. */
export async function committeeProgrammes(db: Executor, personId: string) {
  const rows = await db.selectFrom('capstone_committee').select(['programme_id', 'person_id']).execute();
  const named = new Set(rows.map((r) => r.programme_id));
  const sitsOn = new Set(rows.filter((r) => r.person_id === personId).map((r) => r.programme_id));
  return { named, sitsOn };
}

export async function insertCommitteeMember(
  db: Executor,
  row: { programme_id: string; person_id: string; named_by: string | null; named_at: string },
): Promise<void> {
  await db
    .insertInto('capstone_committee')
    .values(row)
    .onConflict((oc) => oc.columns(['programme_id', 'person_id']).doNothing())
    .execute();
}

export async function deleteCommitteeMember(db: Executor, programmeId: string, personId: string) {
  await db
    .deleteFrom('capstone_committee')
    .where('programme_id', '=', programmeId)
    .where('person_id', '=', personId)
    .execute();
}

/** The milestones recorded as reached for a capstone. */
export function listMilestonesReached(db: Executor, capstoneId: string) {
  return db
    .selectFrom('capstone_milestones')
    .selectAll()
    .where('capstone_id', '=', capstoneId)
    .orderBy('reached_on')
    .execute();
}

export async function upsertMilestoneReached(
  db: Executor,
  row: {
    capstone_id: string;
    milestone: string;
    reached_on: string;
    recorded_by: string | null;
    recorded_at: string;
  },
): Promise<void> {
  const { capstone_id: _, milestone: __, ...rest } = row;
  await db
    .insertInto('capstone_milestones')
    .values(row)
    .onConflict((oc) => oc.columns(['capstone_id', 'milestone']).doUpdateSet(rest))
    .execute();
}
