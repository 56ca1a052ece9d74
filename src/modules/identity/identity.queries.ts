/**
 * The identity module's internal queries: permission-free reads for other modules (whom to write to, who
 * manages). Not for routes: they answer whoever asks.
 */
import type { Executor } from '../../db/database.js';
import type { Role } from '../../kernel/actor.js';
import { isId } from '../../kernel/ids.js';
import { type Account, toAccount } from './account.js';
import { findUserById, listRoles, listUserIdsWithRole } from './users.repository.js';

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
