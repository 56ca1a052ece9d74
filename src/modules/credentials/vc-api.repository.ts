/** The SQL of the VC-API's own records: issued challenges and the status places of supplied credentials. */
import type { Executor } from '../../db/database.js';

/** Stores a challenge the platform issued. */
export async function insertChallenge(
  db: Executor,
  row: { challenge: string; created_at: string; expires_at: string },
): Promise<void> {
  await db
    .insertInto('verification_challenges')
    .values({ ...row, used_at: null })
    .execute();
}

/** Whether the platform issued this challenge. */
export async function findChallenge(db: Executor, challenge: string) {
  return db
    .selectFrom('verification_challenges')
    .selectAll()
    .where('challenge', '=', challenge)
    .executeTakeFirst();
}

/** Marks an unused, unexpired challenge used; false when it was used already or has expired (atomic). */
export async function useChallenge(db: Executor, challenge: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('verification_challenges')
    .set({ used_at: now })
    .where('challenge', '=', challenge)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Forgets challenges that expired before `before`. */
export async function deleteExpiredChallenges(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('verification_challenges').where('expires_at', '<', before).execute();
}

/** Records the status place of a credential signed through the VC-API. */
export async function insertSuppliedStatus(
  db: Executor,
  row: { credential_id: string; status_index: number; purposes: string; issued_at: string },
): Promise<void> {
  await db.insertInto('supplied_credential_statuses').values(row).execute();
}

/** The status place of a credential signed through the VC-API, by its id. */
export async function findSuppliedStatus(db: Executor, credentialId: string) {
  return db
    .selectFrom('supplied_credential_statuses')
    .selectAll()
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
}
