import { type Expression, type RawBuilder, sql } from 'kysely';
import { dialectOf, type Executor } from '../../../db/database.js';
import { escapeLike } from '../../../db/helpers.js';
import { reusableQuery } from '../../../db/reusable-query.js';

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
  /** The person's roles, comma-separated in no particular order (null: none). */
  roles: string | null;
  /** The caller's per-person figure (`PersonFigure`), e.g. the bell's unread count; 0 without one. */
  figure: number | string | bigint | null;
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

/**
 * A number about a person that the caller wants with the session, in the same statement: a scalar subquery
 * of one column on the person's id (the notifications module's unread count). Identity does not know it.
 */
export type PersonFigure = (db: Executor, userId: Expression<string>) => Expression<unknown>;

/** The roles of the person `userId` refers to, comma-separated (one correlated aggregate, both engines). */
function rolesListOf(db: Executor, userId: Expression<string>) {
  const roles =
    dialectOf(db) === 'postgres'
      ? sql<string | null>`string_agg(role, ',')`
      : sql<string | null>`group_concat(role, ',')`;
  return db.selectFrom('role_grants').select(roles.as('roles')).where('role_grants.user_id', '=', userId);
}

/**
 * The query run on every signed-in request, built and compiled once per figure (reusableQuery): the session,
 * its person, their roles and the caller's figure in one statement instead of three.
 */
const sessionQueries = new Map<
  PersonFigure | undefined,
  (db: Executor, sessionHash: string) => Promise<SessionWithUser[]>
>();

function sessionQuery(figure: PersonFigure | undefined) {
  let query = sessionQueries.get(figure);
  if (!query) {
    query = reusableQuery((db, sessionHash: string) =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select((eb) => [
          'sessions.id as sessionId',
          'sessions.user_id as userId',
          'sessions.expires_at as expiresAt',
          'sessions.last_seen_at as lastSeenAt',
          'users.disabled_at as disabledAt',
          'users.preferred_locale as preferredLocale',
          'users.full_name as fullName',
          'users.email as email',
          rolesListOf(db, eb.ref('sessions.user_id')).as('roles'),
          (figure
            ? sql<SessionWithUser['figure']>`(${figure(db, eb.ref('sessions.user_id'))})`
            : sql<number>`0`
          ).as('figure'),
        ])
        .where('sessions.id', '=', sessionHash),
    );
    sessionQueries.set(figure, query);
  }
  return query;
}

export async function findSessionWithUser(
  db: Executor,
  sessionHash: string,
  figure?: PersonFigure,
): Promise<SessionWithUser | undefined> {
  return (await sessionQuery(figure)(db, sessionHash))[0];
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
    .select((eb) => [
      'api_tokens.id as tokenId',
      'api_tokens.user_id as userId',
      'api_tokens.last_used_at as lastUsedAt',
      'users.disabled_at as disabledAt',
      'users.preferred_locale as preferredLocale',
      rolesListOf(db, eb.ref('api_tokens.user_id')).as('roles'),
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

/**
 * Counts one attempt against `key` in a single statement (insert … on conflict do update … returning), so
 * that parallel attempts each get their own number; refuses (returns null, counting nothing) while the key
 * is locked. The count restarts at 1 when the last attempt is older than `staleBefore`. The lock that the
 * new count calls for is picked in the same statement from `locks`: `locks[i]` is the end of the lock
 * that starts at attempt `freeAttempts + i`, the last one applying to every later attempt.
 */
export async function countThrottledAttempt(
  db: Executor,
  input: { key: string; now: string; staleBefore: string; freeAttempts: number; locks: readonly string[] },
): Promise<number | null> {
  const { freeAttempts, locks } = input;
  const lockFor = (count: RawBuilder<number>) =>
    sql<string | null>`case when ${count} < ${freeAttempts} then null ${sql.join(
      locks.slice(0, -1).map((until, i) => sql`when ${count} = ${freeAttempts + i} then ${until}`),
      sql` `,
    )} else ${locks.at(-1) ?? null} end`;
  const next = sql<number>`(case when auth_throttle.updated_at < ${input.staleBefore} then 1 else auth_throttle.failures + 1 end)`;
  const row = await db
    .insertInto('auth_throttle')
    .values({
      key: input.key,
      failures: 1,
      locked_until: freeAttempts <= 1 ? (locks[0] ?? null) : null,
      updated_at: input.now,
    })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ failures: next, locked_until: lockFor(next), updated_at: input.now })
        .where((eb) =>
          eb.or([
            eb('auth_throttle.locked_until', 'is', null),
            eb('auth_throttle.locked_until', '<=', input.now),
          ]),
        ),
    )
    .returning('failures')
    .executeTakeFirst();
  return row ? Number(row.failures) : null;
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
}

/** Forgets `key` and every key that starts with `${key}|` (the per-address counters of an account). */
export async function clearThrottleFamily(db: Executor, key: string): Promise<void> {
  await db
    .deleteFrom('auth_throttle')
    .where((eb) =>
      eb.or([
        eb('key', '=', key),
        sql<boolean>`${sql.ref('key')} like ${`${escapeLike(key)}|%`} escape '\\'`,
      ]),
    )
    .execute();
}

/** Remembers that `userId` signed in from `address` at `at`, and forgets its addresses unused since `forgetBefore`. */
export async function rememberSignInAddress(
  db: Executor,
  row: { userId: string; address: string; at: string; forgetBefore: string },
): Promise<void> {
  await db
    .insertInto('sign_in_addresses')
    .values({ user_id: row.userId, address: row.address, last_success_at: row.at })
    .onConflict((oc) => oc.columns(['user_id', 'address']).doUpdateSet({ last_success_at: row.at }))
    .execute();
  await db
    .deleteFrom('sign_in_addresses')
    .where('user_id', '=', row.userId)
    .where('last_success_at', '<', row.forgetBefore)
    .execute();
}

/** True when the account with this email signed in successfully from `address` since `since`. */
export async function isKnownSignInAddress(
  db: Executor,
  input: { email: string; address: string; since: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('sign_in_addresses')
    .innerJoin('users', 'users.id', 'sign_in_addresses.user_id')
    .select('sign_in_addresses.user_id')
    .where('users.email', '=', input.email)
    .where('sign_in_addresses.address', '=', input.address)
    .where('sign_in_addresses.last_success_at', '>=', input.since)
    .executeTakeFirst();
  return row !== undefined;
}

/** Revokes every live API token of a person; returns how many were revoked. */
export async function revokeAllApiTokensOfUser(db: Executor, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
