import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { forUpdate } from '../../db/helpers.js';
import type {
  CredentialRow,
  CredentialsTable,
  IssuerProfileRow,
  StatusListRow,
  StatusListsTable,
} from './credentials.tables.js';

/**
 * The SQL of the credentials module's own tables: the issuer profile, holder ids, issued credentials, the
 * diploma's components and the status lists. What issuance certifies is read in
 * certified-facts.repository.ts.
 */

/** The single issuer profile row's id. */
export const ISSUER_PROFILE_ID = 'issuer';

export async function findIssuerProfile(db: Executor): Promise<IssuerProfileRow | undefined> {
  return db.selectFrom('issuer_profiles').selectAll().where('id', '=', ISSUER_PROFILE_ID).executeTakeFirst();
}

export async function saveIssuerProfile(db: Executor, row: IssuerProfileRow): Promise<void> {
  const { id: _id, ...changes } = row;
  await db
    .insertInto('issuer_profiles')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute();
}

export async function findSubjectId(db: Executor, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('credential_subjects')
    .select('subject_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.subject_id;
}

/** Inserts a person's subject id unless they have one already. */
export async function insertSubjectOnce(
  db: Executor,
  row: { user_id: string; subject_id: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('credential_subjects')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

// ---- status lists -------------------------------------------------------------------------------------

export async function findStatusList(
  db: Executor,
  purpose: string,
  listNumber: number,
  options: { lock?: boolean } = {},
): Promise<StatusListRow | undefined> {
  const query = statusListQuery(db, purpose, listNumber).selectAll();
  return (options.lock ? forUpdate(db, query) : query).executeTakeFirst();
}

const statusListQuery = (db: Executor, purpose: string, listNumber: number) =>
  db.selectFrom('status_lists').where('purpose', '=', purpose).where('list_number', '=', listNumber);

/** The list of `purpose` with the highest number. */
const latestStatusListQuery = (db: Executor, purpose: string) =>
  db.selectFrom('status_lists').where('purpose', '=', purpose).orderBy('list_number', 'desc').limit(1);

export async function findStatusListByUrl(db: Executor, url: string): Promise<StatusListRow | undefined> {
  return db.selectFrom('status_lists').selectAll().where('url', '=', url).executeTakeFirst();
}

/** Every list's URL and ETag (not its bits): what the verifier's status cache revalidates against. */
export async function listStatusListVersions(db: Executor): Promise<Array<{ url: string; etag: string }>> {
  return db.selectFrom('status_lists').select(['url', 'etag']).execute();
}

/** A list's bits and identity by URL (not its signed credential), or by purpose and number. */
export async function findStatusListBits(
  db: Executor,
  where: { url: string } | { purpose: string; listNumber: number },
) {
  const query = db
    .selectFrom('status_lists')
    .select(['url', 'purpose', 'list_number', 'size', 'bits_base64', 'etag']);
  return (
    'url' in where
      ? query.where('url', '=', where.url)
      : query.where('purpose', '=', where.purpose).where('list_number', '=', where.listNumber)
  ).executeTakeFirst();
}

/** The list of `purpose` with the highest number (where new indexes are taken), locked when asked. */
export async function findLatestStatusList(
  db: Executor,
  purpose: string,
  options: { lock?: boolean } = {},
): Promise<StatusListRow | undefined> {
  const query = latestStatusListQuery(db, purpose).selectAll();
  return (options.lock ? forUpdate(db, query) : query).executeTakeFirst();
}

/** What taking a status index needs of a list: not its bits nor its signed credential (about 40 KB a row). */
export type StatusListCounter = Pick<StatusListRow, 'id' | 'list_number' | 'size' | 'next_index'>;

/**
 * The counter of the list of `purpose` with the highest number (locked on PostgreSQL when asked): read on
 * every issuance, so only the four columns it needs.
 */
export async function findLatestStatusListCounter(
  db: Executor,
  purpose: string,
  options: { lock?: boolean } = {},
): Promise<StatusListCounter | undefined> {
  const query = latestStatusListQuery(db, purpose).select(['id', 'list_number', 'size', 'next_index']);
  return (options.lock ? forUpdate(db, query) : query).executeTakeFirst();
}

/** Whether the list of `purpose` and number exists (its id only). */
export async function statusListExists(db: Executor, purpose: string, listNumber: number): Promise<boolean> {
  return (await statusListQuery(db, purpose, listNumber).select('id').executeTakeFirst()) !== undefined;
}

/** Inserts a status list unless one of the same purpose and number exists (two creators race). */
export async function insertStatusListOnce(db: Executor, row: Insertable<StatusListsTable>): Promise<void> {
  await db
    .insertInto('status_lists')
    .values(row)
    .onConflict((oc) => oc.columns(['purpose', 'list_number']).doNothing())
    .execute();
}

export async function updateStatusList(
  db: Executor,
  id: string,
  changes: Partial<Omit<StatusListRow, 'id' | 'purpose' | 'list_number' | 'url'>>,
): Promise<void> {
  await db.updateTable('status_lists').set(changes).where('id', '=', id).execute();
}

/**
 * Takes the list's next `count` free indexes (from `expected`) if its counter is still `expected`; false
 * when another writer took it first.
 */
export async function takeStatusIndex(
  db: Executor,
  id: string,
  expected: number,
  count = 1,
): Promise<boolean> {
  const result = await db
    .updateTable('status_lists')
    .set({ next_index: expected + count })
    .where('id', '=', id)
    .where('next_index', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listStatusLists(db: Executor): Promise<StatusListRow[]> {
  return db.selectFrom('status_lists').selectAll().orderBy('purpose').orderBy('list_number').execute();
}

// ---- credentials --------------------------------------------------------------------------------------

export async function insertCredential(db: Executor, row: Insertable<CredentialsTable>): Promise<void> {
  await db.insertInto('credentials').values(row).execute();
}

export async function findCredential(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CredentialRow | undefined> {
  const query = db.selectFrom('credentials').selectAll().where('id', '=', id);
  return (options.lock ? forUpdate(db, query) : query).executeTakeFirst();
}

export async function findCredentialByShortCode(
  db: Executor,
  code: string,
): Promise<CredentialRow | undefined> {
  return db.selectFrom('credentials').selectAll().where('short_code', '=', code).executeTakeFirst();
}

export async function updateCredential(
  db: Executor,
  id: string,
  changes: Partial<
    Pick<
      CredentialRow,
      | 'status'
      | 'status_reason'
      | 'status_note'
      | 'status_changed_at'
      | 'status_changed_by'
      | 'superseded_by'
      | 'pdf_key'
      | 'updated_at'
    >
  >,
): Promise<void> {
  await db.updateTable('credentials').set(changes).where('id', '=', id).execute();
}

/** The credentials of a result that are not revoked (at most one per kind: a unique index). */
export async function listLiveCredentialsOfResult(db: Executor, resultId: string): Promise<CredentialRow[]> {
  return db
    .selectFrom('credentials')
    .selectAll()
    .where('result_id', '=', resultId)
    .where('status', '<>', sql.lit('revoked'))
    .execute();
}

/** The credential of `kind` of a candidacy that is not revoked (a diploma: at most one, a unique index). */
async function findLiveOfCandidacy(
  db: Executor,
  candidacyId: string,
  kind: 'diploma' | 'capstone',
): Promise<CredentialRow | undefined> {
  return db
    .selectFrom('credentials')
    .selectAll()
    .where('candidacy_id', '=', candidacyId)
    .where('kind', '=', kind)
    .where('status', '<>', sql.lit('revoked'))
    .orderBy('issued_at', 'desc')
    .executeTakeFirst();
}

/** The diploma of a candidacy that is not revoked (at most one: a unique index). */
export const findLiveDiplomaOfCandidacy = (db: Executor, candidacyId: string) =>
  findLiveOfCandidacy(db, candidacyId, 'diploma');

/** The capstone credential of a candidacy that is not revoked (the diploma's CLR bundles it). */
export const findLiveCapstoneOfCandidacy = (db: Executor, candidacyId: string) =>
  findLiveOfCandidacy(db, candidacyId, 'capstone');

/** The diplomas (not revoked) of some candidacies, for the ready list. */
export async function listLiveDiplomasOfCandidacies(db: Executor, candidacyIds: readonly string[]) {
  if (candidacyIds.length === 0) return [];
  return db
    .selectFrom('credentials')
    .select(['id', 'candidacy_id', 'short_code', 'status', 'status_reason', 'issued_at'])
    .where('candidacy_id', 'in', candidacyIds)
    .where('kind', '=', sql.lit('diploma'))
    .where('status', '<>', sql.lit('revoked'))
    .execute();
}

/** The credential columns lists need (not the signed documents, which are most of a row). */
const SUMMARY_COLUMNS = [
  'id',
  'short_code',
  'kind',
  'user_id',
  'result_id',
  'candidacy_id',
  'course_id',
  'programme_id',
  'locale',
  'status',
  'status_reason',
  'status_changed_at',
  'superseded_by',
  'clr_json',
  'pdf_key',
  'issued_at',
] as const;

/** A person's credentials, newest first, with the signed JSON (lists show the titles it carries). */
export async function listCredentialsOfUser(
  db: Executor,
  userId: string,
  options: { limit: number; offset: number; since?: string | undefined },
) {
  let query = db.selectFrom('credentials').where('user_id', '=', userId);
  if (options.since) query = query.where('issued_at', '>', options.since);
  const count = await query
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select([...SUMMARY_COLUMNS, 'credential_json'])
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return { rows, total: Number(count.total) };
}

/** The diplomas (not revoked) that count a component credential. */
export async function listDiplomasCounting(db: Executor, componentId: string): Promise<CredentialRow[]> {
  return db
    .selectFrom('credentials')
    .selectAll()
    .where('kind', '=', sql.lit('diploma'))
    .where('status', '<>', sql.lit('revoked'))
    .where(
      'id',
      'in',
      db.selectFrom('credential_components').select('diploma_id').where('component_id', '=', componentId),
    )
    .execute();
}

export async function insertComponents(
  db: Executor,
  rows: { diploma_id: string; component_id: string; position: number }[],
): Promise<void> {
  if (rows.length) await db.insertInto('credential_components').values(rows).execute();
}

/** The component credentials of a diploma, in order. */
export async function listComponents(db: Executor, diplomaId: string) {
  return db
    .selectFrom('credential_components')
    .innerJoin('credentials', 'credentials.id', 'credential_components.component_id')
    .select([
      'credentials.id',
      'credentials.short_code',
      'credentials.kind',
      'credentials.status',
      'credentials.status_reason',
      'credentials.status_changed_at',
      'credentials.superseded_by',
      'credentials.issued_at',
      'credentials.credential_json',
    ])
    .where('credential_components.diploma_id', '=', diplomaId)
    .orderBy('credential_components.position')
    .execute();
}

/** Issued credentials in id order after `afterId` (the export walks them in pages). */
export async function listCredentialsAfter(db: Executor, afterId: string | null, limit: number) {
  let query = db
    .selectFrom('credentials')
    .select(['id', 'short_code', 'kind', 'status', 'credential_json', 'jwt_rs256', 'jwt_eddsa', 'clr_json'])
    .orderBy('id')
    .limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return query.execute();
}
