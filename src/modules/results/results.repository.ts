import { sql } from 'kysely';
/** All of the results module's SQL. */
import type { Executor } from '../../db/database.js';
import { credentialsView } from '../credentials/credentials.read-models.repository.js';
import { resultsView } from '../pathway/pathway.read-models.repository.js';
import type { OverrideRow, PolicyRow, SnapshotRow } from './results.tables.js';

export async function findLatestPolicy(db: Executor, editionId: string): Promise<PolicyRow | undefined> {
  return db
    .selectFrom('result_policies')
    .selectAll()
    .where('edition_id', '=', editionId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertPolicy(db: Executor, row: PolicyRow): Promise<void> {
  await db.insertInto('result_policies').values(row).execute();
}

export async function listOverrides(db: Executor, editionId: string): Promise<OverrideRow[]> {
  return db.selectFrom('result_overrides').selectAll().where('edition_id', '=', editionId).execute();
}

export async function findOverride(
  db: Executor,
  editionId: string,
  userId: string,
  componentId: string,
): Promise<OverrideRow | undefined> {
  return db
    .selectFrom('result_overrides')
    .selectAll()
    .where('edition_id', '=', editionId)
    .where('user_id', '=', userId)
    .where('component_id', '=', componentId)
    .executeTakeFirst();
}

export async function upsertOverride(db: Executor, row: OverrideRow): Promise<void> {
  await db
    .insertInto('result_overrides')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['edition_id', 'user_id', 'component_id']).doUpdateSet({
        mark: row.mark,
        excused: row.excused,
        reason: row.reason,
        created_by: row.created_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteOverride(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('result_overrides').where('id', '=', id).execute();
}

export async function insertSnapshot(db: Executor, row: SnapshotRow): Promise<void> {
  await db.insertInto('result_snapshots').values(row).execute();
}

/** Every snapshot of the edition, newest first. */
export async function listSnapshots(
  db: Executor,
  editionId: string,
  userId?: string,
): Promise<SnapshotRow[]> {
  let query = db.selectFrom('result_snapshots').selectAll().where('edition_id', '=', editionId);
  if (userId) query = query.where('user_id', '=', userId);
  return query.orderBy('finalised_at', 'desc').orderBy('id', 'desc').execute();
}

/**
 * The enrolments of the edition whose result has a certificate that is not revoked (active or suspended):
 * those results are locked; a correction goes through the credentials' supersede flow.
 */
export async function lockedEnrolments(db: Executor, enrolmentIds: readonly string[]): Promise<Set<string>> {
  if (enrolmentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom(resultsView(db).as('r'))
    .innerJoin(credentialsView(db).as('c'), 'c.result_id', 'r.id')
    .select(['r.enrolment_id', 'r.id as result_id'])
    .where('r.enrolment_id', 'in', enrolmentIds)
    .where('c.status', '!=', sql.lit('revoked'))
    .execute();
  return new Set(rows.map((r) => r.enrolment_id).filter((id): id is string => id !== null));
}

/** The result ids of the enrolments (to link snapshots to the results they were recorded as). */
export async function resultIdsOf(
  db: Executor,
  enrolmentIds: readonly string[],
): Promise<Map<string, string>> {
  if (enrolmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom(resultsView(db).as('r'))
    .select(['r.id', 'r.enrolment_id'])
    .where('r.enrolment_id', 'in', enrolmentIds)
    .execute();
  return new Map(rows.filter((r) => r.enrolment_id).map((r) => [r.enrolment_id as string, r.id]));
}
