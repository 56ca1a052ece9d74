/** The capstones module's SQL (rows in, rows out); the library's index and search are in capstone-library.repository.ts. */

import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.js';
import { forUpdate } from '../../db/helpers.js';
import { reusableQuery } from '../../db/reusable-query.js';
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

/**
 * A person's capstones as their milestone warnings need them (state, planned dates, the milestones reached
 * joined by spaces), oldest first, in one statement built and compiled once: the candidate dashboard asks
 * on every request.
 */
export const listCapstoneWarningFactsOfUser = reusableQuery((db: Executor, userId: string) =>
  db
    .selectFrom('capstones')
    .select((eb) => [
      'capstones.id',
      'capstones.candidacy_id',
      'capstones.state',
      'capstones.outline_due',
      'capstones.draft_due',
      'capstones.final_due',
      eb
        .selectFrom('capstone_milestones')
        .select(
          (dialectOf(db) === 'sqlite'
            ? sql<string | null>`group_concat(${sql.ref('capstone_milestones.milestone')}, ' ')`
            : sql<string | null>`string_agg(${sql.ref('capstone_milestones.milestone')}, ' ')`
          ).as('reached'),
        )
        .whereRef('capstone_milestones.capstone_id', '=', 'capstones.id')
        .as('reached'),
    ])
    .where('capstones.user_id', '=', userId)
    .orderBy('capstones.created_at'),
);

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
