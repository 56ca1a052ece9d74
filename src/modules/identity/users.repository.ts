import type { Executor } from '../../db/database.js';
import { containsText } from '../../db/helpers.js';
import { reusableQuery } from '../../db/reusable-query.js';
import type { Role } from '../../kernel/actor.js';
import { foldForSearch } from '../../kernel/search-fold.js';
import type { NewUserRow, UserRow, UserUpdate } from './identity.tables.js';

/** All SQL about people and their roles. */

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Ids and full names of the given people. */
export async function listUserNames(
  db: Executor,
  ids: readonly string[],
): Promise<{ id: string; full_name: string }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'full_name'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Inserts a person, with their name folded for search. */
export async function insertUser(db: Executor, row: NewUserRow): Promise<void> {
  await db
    .insertInto('users')
    .values({ ...row, search_name: foldForSearch(row.full_name) })
    .execute();
}

/** Changes a person; a new name is folded for search with it. */
export async function updateUser(db: Executor, id: string, changes: UserUpdate): Promise<void> {
  const withName =
    typeof changes.full_name === 'string'
      ? { ...changes, search_name: foldForSearch(changes.full_name) }
      : changes;
  await db.updateTable('users').set(withName).where('id', '=', id).execute();
}

// Run on every signed-in request: built and compiled once (reusableQuery).
const rolesOf = reusableQuery((db, userId: string) =>
  db.selectFrom('role_grants').select('role').where('user_id', '=', userId).orderBy('role'),
);

export async function listRoles(db: Executor, userId: string): Promise<Role[]> {
  return (await rolesOf(db, userId)).map((r) => r.role as Role);
}

export async function listRolesForUsers(
  db: Executor,
  userIds: readonly string[],
): Promise<Map<string, Role[]>> {
  const byUser = new Map<string, Role[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('role_grants')
    .select(['user_id', 'role'])
    .where('user_id', 'in', userIds)
    .orderBy('role')
    .execute();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push(row.role as Role);
    byUser.set(row.user_id, list);
  }
  return byUser;
}

export async function grantRole(
  db: Executor,
  userId: string,
  role: Role,
  grantedBy: string | null,
  at: string,
) {
  await db
    .insertInto('role_grants')
    .values({ user_id: userId, role, granted_by: grantedBy, granted_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'role']).doNothing())
    .execute();
}

export async function revokeRole(db: Executor, userId: string, role: Role): Promise<void> {
  await db.deleteFrom('role_grants').where('user_id', '=', userId).where('role', '=', role).execute();
}

export interface PeopleFilter {
  query?: string | undefined;
  role?: Role | undefined;
  limit: number;
  offset: number;
}

/** People matching a name/email fragment and a role, by name; with the total for paging. */
export async function searchUsers(
  db: Executor,
  filter: PeopleFilter,
): Promise<{ rows: UserRow[]; total: number }> {
  let query = db.selectFrom('users');
  if (filter.query) {
    const text = filter.query;
    query = query.where((eb) =>
      eb.or([containsText('users.search_name', foldForSearch(text)), containsText('users.email', text)]),
    );
  }
  if (filter.role) {
    const role = filter.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants')
          .select('role_grants.user_id')
          .whereRef('role_grants.user_id', '=', 'users.id')
          .where('role_grants.role', '=', role),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('users')
      .orderBy('users.full_name')
      .orderBy('users.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** The ids of the people holding a role (enabled or not: callers decide). */
export async function listUserIdsWithRole(db: Executor, role: Role): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select('user_id')
    .where('role', '=', role)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/** The active (not disabled) accounts among `emails` (lower case): email and preferred language only. */
export async function findActiveLocalesByEmail(
  db: Executor,
  emails: readonly string[],
): Promise<{ email: string; preferred_locale: string }[]> {
  if (emails.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['email', 'preferred_locale'])
    .where('email', 'in', [...emails])
    .where('disabled_at', 'is', null)
    .execute();
}
