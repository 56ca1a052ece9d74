/**
 * The identity module's internal queries: permission-free reads for other modules (whom to write to, who
 * manages). Not for routes: they answer whoever asks.
 */
import type { Executor } from '../../db/database.js';
import type { Role } from '../../kernel/actor.js';
import { isId } from '../../kernel/ids.js';
import { type Account, toAccount } from './account/account.js';
import { findUserById, listRoles, listUserIdsWithRole, listUserNames } from './users.repository.js';

/** A person (null when there is none). */
export async function findPerson(db: Executor, userId: string): Promise<Account | null> {
  if (!isId(userId)) return null;
  const row = await findUserById(db, userId);
  return row ? toAccount(row, await listRoles(db, userId)) : null;
}

/** The people holding a role who can still sign in (not disabled). */
export async function activePeopleWithRole(db: Executor, role: Role): Promise<Account[]> {
  const people = await Promise.all((await listUserIdsWithRole(db, role)).map((id) => findPerson(db, id)));
  return people.filter((p): p is Account => p !== null && !p.disabled);
}

/** The full names of the people among `ids` (other ids are left out): for histories and lists. */
export async function personNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter(isId);
  if (wanted.length === 0) return new Map();
  return new Map((await listUserNames(db, wanted)).map((row) => [row.id, row.full_name]));
}
