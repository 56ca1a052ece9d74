/**
 * The statements of issuing many course certificates at once (`issueCourseCredentials`): each reads or
 * writes the rows of the whole batch, so a batch costs the same dozen statements whatever its size.
 */
import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { CredentialRow, CredentialsTable } from '../credentials.tables.js';

/** The credentials of some results that are not revoked. */
export async function listLiveCredentialsOfResults(
  db: Executor,
  resultIds: readonly string[],
): Promise<CredentialRow[]> {
  if (resultIds.length === 0) return [];
  return db
    .selectFrom('credentials')
    .selectAll()
    .where('result_id', 'in', resultIds)
    .where('status', '<>', sql.lit('revoked'))
    .execute();
}

/** The holder ids of those of `userIds` who have one, by user id. */
export async function findSubjectIds(db: Executor, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('credential_subjects')
    .select(['user_id', 'subject_id'])
    .where('user_id', 'in', userIds)
    .execute();
  return new Map(rows.map((row) => [row.user_id, row.subject_id]));
}

/** Inserts holder ids, leaving out people who have one already. */
export async function insertSubjectsOnce(
  db: Executor,
  rows: readonly { user_id: string; subject_id: string; created_at: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('credential_subjects')
    .values([...rows])
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

/** Those of `codes` that a credential has already. */
export async function listTakenShortCodes(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('credentials')
    .select('short_code')
    .where('short_code', 'in', codes)
    .execute();
  return new Set(rows.map((row) => row.short_code));
}

/** Credentials per statement (22 values each: far below both engines' limits; about 18 KB of text each). */
const CREDENTIALS_PER_INSERT = 50;

/** Inserts credential rows, a few dozen per statement. */
export async function insertCredentials(
  db: Executor,
  rows: readonly Insertable<CredentialsTable>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CREDENTIALS_PER_INSERT)
    await db
      .insertInto('credentials')
      .values(rows.slice(start, start + CREDENTIALS_PER_INSERT))
      .execute();
}
