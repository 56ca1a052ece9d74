import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Locale } from '../../i18n/i18n.js';
import { type Actor, ROLES, type Role } from '../../kernel/actor.js';
import { type AuditTrail, audit, listAuditEvents } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { auditTrailOf } from '../audit-trail.js';
import { type Account, toAccount } from './account/account.js';
import { canIdentity } from './identity.policy.js';
import { PEOPLE_PAGE_SIZE, peopleQuerySchema, setRolesSchema } from './identity.schemas.js';
import {
  findUserById,
  grantRole,
  listRoles,
  listRolesForUsers,
  revokeRole,
  searchUsers,
} from './users.repository.js';

export interface PeoplePage {
  people: Account[];
  total: number;
  page: number;
  pageCount: number;
  query: { q?: string | undefined; role?: Role | undefined };
}

/** People, searched by name or email and filtered by role (administrators and managers). */
export async function listPeople(
  db: Executor,
  _deps: Services,
  actor: Actor,
  input: unknown,
): Promise<PeoplePage> {
  ensure(actor, canIdentity(actor, 'people.list'));
  const query = parseInput(peopleQuerySchema, input);
  const { rows, total } = await searchUsers(db, {
    query: query.q,
    role: query.role,
    limit: PEOPLE_PAGE_SIZE,
    offset: (query.page - 1) * PEOPLE_PAGE_SIZE,
  });
  const roles = await listRolesForUsers(
    db,
    rows.map((r) => r.id),
  );
  return {
    people: rows.map((r) => toAccount(r, roles.get(r.id) ?? [])),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)),
    query: { q: query.q, role: query.role },
  };
}

/** One person with their audit trail. */
export async function getPerson(
  db: Executor,
  deps: Services,
  actor: Actor,
  userId: string,
  locale: Locale = 'en',
): Promise<{ person: Account; audit: AuditTrail; can: { manageRoles: boolean } }> {
  ensure(actor, canIdentity(actor, 'people.read'));
  if (!isId(userId)) throw new AppError('not_found');
  const row = await findUserById(db, userId);
  if (!row) throw new AppError('not_found');
  return {
    person: toAccount(row, await listRoles(db, userId)),
    audit: await auditTrailOf(db, deps.modules, await listAuditEvents(db, 'user', userId, 50), locale),
    can: { manageRoles: canIdentity(actor, 'people.manageRoles') },
  };
}

/**
 * Sets the roles of a person (administrators). An administrator cannot remove their own administrator
 * role, so that the platform never loses its last way in by accident.
 */
export async function setRoles(
  db: Executor,
  deps: Services,
  actor: Actor,
  userId: string,
  input: unknown,
): Promise<Role[]> {
  ensure(actor, canIdentity(actor, 'people.manageRoles'));
  if (!isId(userId)) throw new AppError('not_found');
  const wanted = new Set(parseInput(setRolesSchema, input).roles);
  if (actor.kind === 'user' && actor.id === userId && !wanted.has('administrator')) {
    throw new AppError('invalid_state', { reason: 'own-administrator-role' });
  }
  const now = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    if (!(await findUserById(trx, userId))) throw new AppError('not_found');
    const before = await listRoles(trx, userId);
    for (const role of ROLES) {
      if (wanted.has(role) && !before.includes(role))
        await grantRole(trx, userId, role, actor.kind === 'user' ? actor.id : null, now);
      if (!wanted.has(role) && before.includes(role)) await revokeRole(trx, userId, role);
    }
    const after = await listRoles(trx, userId);
    if (before.join() !== after.join()) {
      await audit(trx, deps.clock, actor, {
        action: 'user.roles-changed',
        targetType: 'user',
        targetId: userId,
        before,
        after,
      });
    }
    return after;
  });
}
