import type { Executor } from '../../db/database.js';

/** All SQL about sign-in secrets: sessions, one-time links, API tokens and sign-in back-off. */

export interface SessionWithUser {
  sessionId: string;
  userId: string;
  expiresAt: string;
  lastSeenAt: string;
  disabledAt: string | null;
  preferredLocale: string;
  fullName: string;
  email: string;
}

export async function insertSession(
  db: Executor,
  row: {
    id: string;
    user_id: string;
    created_at: string;
    expires_at: string;
    ip: string | null;
    user_agent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ ...row, last_seen_at: row.created_at })
    .execute();
}

export async function findSessionWithUser(
  db: Executor,
  sessionHash: string,
): Promise<SessionWithUser | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.user_id as userId',
      'sessions.expires_at as expiresAt',
      'sessions.last_seen_at as lastSeenAt',
      'users.disabled_at as disabledAt',
      'users.preferred_locale as preferredLocale',
      'users.full_name as fullName',
      'users.email as email',
    ])
    .where('sessions.id', '=', sessionHash)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, sessionHash: string, lastSeenAt: string, expiresAt: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', sessionHash)
    .execute();
}

export async function deleteSession(db: Executor, sessionHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionHash).execute();
}

export async function deleteSessionsOfUser(
  db: Executor,
  userId: string,
  exceptSessionHash?: string,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionHash) query = query.where('id', '!=', exceptSessionHash);
  await query.execute();
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export type OneTimePurpose = 'email-confirm' | 'password-reset' | 'email-change';

export async function insertOneTimeToken(
  db: Executor,
  row: {
    id: string;
    token_hash: string;
    user_id: string;
    purpose: OneTimePurpose;
    new_email: string | null;
    created_at: string;
    expires_at: string;
  },
): Promise<void> {
  await db.insertInto('one_time_tokens').values(row).execute();
}

export async function findOneTimeToken(db: Executor, tokenHash: string, purpose: OneTimePurpose) {
  return db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/** Marks a one-time token used; returns false when it was already used (a concurrent second click). */
export async function consumeOneTimeToken(db: Executor, id: string, usedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: usedAt })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Invalidates the unused tokens of a purpose (a new reset link makes older ones useless). */
export async function expireOneTimeTokens(db: Executor, userId: string, purpose: OneTimePurpose, at: string) {
  await db
    .updateTable('one_time_tokens')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

export async function insertApiToken(
  db: Executor,
  row: { id: string; user_id: string; name: string; prefix: string; token_hash: string; created_at: string },
): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function listApiTokens(db: Executor, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findApiTokenOfUser(db: Executor, userId: string, tokenId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function revokeApiTokenRow(db: Executor, tokenId: string, at: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function findActiveApiToken(db: Executor, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as tokenId',
      'api_tokens.user_id as userId',
      'api_tokens.last_used_at as lastUsedAt',
      'users.disabled_at as disabledAt',
      'users.preferred_locale as preferredLocale',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchApiToken(db: Executor, tokenId: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}

export async function findThrottle(db: Executor, key: string) {
  return db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveThrottle(
  db: Executor,
  row: { key: string; failures: number; locked_until: string | null; updated_at: string },
): Promise<void> {
  await db
    .insertInto('auth_throttle')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ failures: row.failures, locked_until: row.locked_until, updated_at: row.updated_at }),
    )
    .execute();
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
}
