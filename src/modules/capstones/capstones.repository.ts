/** All the capstones module's SQL (rows in, rows out). */

import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { escapeLike, forUpdate } from '../../db/helpers.js';
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
): Promise<{ rows: CapstoneRow[]; total: number }> {
  const base = db.selectFrom('capstones').where('state', 'in', [...states]);
  const rows = await base
    .selectAll()
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

export async function listCapstonesOfSupervisor(db: Executor, personId: string): Promise<CapstoneRow[]> {
  return db
    .selectFrom('capstones')
    .selectAll()
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

/** Published capstones only, newest first; the page and the total. */
export async function searchLibrary(
  db: Executor,
  filter: LibraryFilter,
  limit: number,
  offset: number,
): Promise<{ rows: CapstoneRow[]; total: number }> {
  let base = db.selectFrom('capstones').where('published_at', 'is not', null).where('state', '=', 'passed');
  if (filter.country) base = base.where('country', '=', filter.country);
  if (filter.language) base = base.where('language', '=', filter.language);
  if (filter.year !== null)
    base = base
      .where('completed_on', '>=', `${filter.year}-01-01`)
      .where('completed_on', '<=', `${filter.year}-12-31`);
  if (filter.theme)
    base = base.where(
      sql<boolean>`${sql.ref('themes_json')} like ${`%${escapeLike(JSON.stringify(filter.theme).slice(1, -1))}%`} escape '\\'`,
    );
  for (const word of filter.folded.split(/\s+/).filter(Boolean).slice(0, 8))
    base = base.where(sql<boolean>`${sql.ref('search_text')} like ${`%${escapeLike(word)}%`} escape '\\'`);
  const rows = await base
    .selectAll()
    .orderBy('completed_on', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
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

/** Capstones in progress whose final (or resubmission) date falls on or before `horizon`, soonest first. */
export async function listAtRisk(db: Executor, horizon: string, limit: number): Promise<CapstoneRow[]> {
  return db
    .selectFrom('capstones')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'approved'), eb('final_due', '<=', horizon)]),
        eb.and([eb('state', '=', 'resubmission'), eb('resubmission_due', '<=', horizon)]),
      ]),
    )
    .orderBy('final_due')
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
