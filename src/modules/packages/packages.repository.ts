/** All the packages module's SQL (enrolments through the places module's read model). */
import type { Executor } from '../../db/database.js';
import { forUpdate } from '../../db/helpers.js';
import { enrolmentsView } from '../places/places.read-models.repository.js';
import type {
  PackageAttemptRow,
  PackageAttemptsTable,
  PackageRow,
  PackageScoDataTable,
  PackagesTable,
} from './packages.tables.js';

export async function insertPackage(
  db: Executor,
  row: PackagesTable,
  files: readonly { path: string; content: Uint8Array }[],
): Promise<void> {
  await db.insertInto('packages').values(row).execute();
  for (let i = 0; i < files.length; i += 50)
    await db
      .insertInto('package_files')
      .values(files.slice(i, i + 50).map((f) => ({ package_id: row.id, path: f.path, content: f.content })))
      .execute();
}

export function findPackage(db: Executor, id: string): Promise<PackageRow | undefined> {
  return db.selectFrom('packages').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPackageOfItem(db: Executor, itemId: string): Promise<PackageRow | undefined> {
  return db.selectFrom('packages').selectAll().where('item_id', '=', itemId).executeTakeFirst();
}

export async function linkPackageToItem(db: Executor, packageId: string, itemId: string): Promise<void> {
  await db.updateTable('packages').set({ item_id: itemId }).where('id', '=', packageId).execute();
}

export function findPackageFile(db: Executor, packageId: string, path: string) {
  return db
    .selectFrom('package_files')
    .select('content')
    .where('package_id', '=', packageId)
    .where('path', '=', path)
    .executeTakeFirst();
}

export async function hasConfirmedPlace(db: Executor, editionId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom(enrolmentsView(db).as('e'))
    .select('e.id')
    .where('e.edition_id', '=', editionId)
    .where('e.user_id', '=', userId)
    .where('e.status', '=', 'enrolled')
    .executeTakeFirst();
  return row !== undefined;
}

export function listAttempts(db: Executor, packageId: string, userId: string): Promise<PackageAttemptRow[]> {
  return db
    .selectFrom('package_attempts')
    .selectAll()
    .where('package_id', '=', packageId)
    .where('user_id', '=', userId)
    .orderBy('number')
    .execute();
}

export function findAttempt(db: Executor, id: string): Promise<PackageAttemptRow | undefined> {
  return db.selectFrom('package_attempts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAttempt(db: Executor, row: PackageAttemptsTable): Promise<void> {
  await db.insertInto('package_attempts').values(row).execute();
}

export async function updateAttemptResult(
  db: Executor,
  id: string,
  fields: { status: string; score: number | null; updated_at: string },
): Promise<void> {
  await db.updateTable('package_attempts').set(fields).where('id', '=', id).execute();
}

export function listScoData(db: Executor, attemptId: string) {
  return db.selectFrom('package_sco_data').selectAll().where('attempt_id', '=', attemptId).execute();
}

export async function saveScoData(db: Executor, row: PackageScoDataTable): Promise<void> {
  await db
    .insertInto('package_sco_data')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['attempt_id', 'sco_id']).doUpdateSet({
        cmi_json: row.cmi_json,
        status: row.status,
        score: row.score,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function insertLaunchToken(
  db: Executor,
  row: { token_hash: string; attempt_id: string; auth_token: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('package_launch_tokens')
    .values({ ...row, fetched_at: null })
    .execute();
}

/** Takes the auth token of a fetch URL once: returns it and clears it, or null when unknown or fetched. */
export async function takeLaunchToken(db: Executor, tokenHash: string, at: string): Promise<string | null> {
  const row = await db
    .selectFrom('package_launch_tokens')
    .select(['auth_token', 'fetched_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.fetched_at || !row.auth_token) return null;
  const result = await db
    .updateTable('package_launch_tokens')
    .set({ auth_token: null, fetched_at: at })
    .where('token_hash', '=', tokenHash)
    .where('fetched_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? row.auth_token : null;
}

export async function setCommitKey(db: Executor, attemptId: string, keyHash: string): Promise<void> {
  await db
    .updateTable('package_attempts')
    .set({ commit_key_hash: keyHash })
    .where('id', '=', attemptId)
    .execute();
}

/** The attempt, locked until the transaction ends (no lost update between two commits). */
export function lockAttempt(db: Executor, id: string): Promise<PackageAttemptRow | undefined> {
  return forUpdate(db, db.selectFrom('package_attempts').selectAll().where('id', '=', id)).executeTakeFirst();
}

/** Whether the edition holds any package (the demo seed's idempotence). */
export async function editionHasPackages(db: Executor, editionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('packages')
    .select('id')
    .where('edition_id', '=', editionId)
    .executeTakeFirst();
  return row !== undefined;
}
