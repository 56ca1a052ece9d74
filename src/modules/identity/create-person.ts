import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { canIdentity } from './identity.policy.js';
import { emailSchema, passwordSchema, profileSchema, roleSchema } from './identity.schemas.js';
import { hashPassword } from './passwords/password.js';
import { findUserByEmail, grantRole, insertUser } from './users.repository.js';

export const createPersonSchema = profileSchema.extend({
  email: emailSchema,
  password: passwordSchema,
  roles: z.array(roleSchema).min(1, 'validation.required'),
});

/**
 * Creates a confirmed account with roles (administrators, and the seed). Unlike sign-up this says plainly
 * when the address is taken: only administrators see it.
 */
export async function createPerson(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<{ id: string }> {
  ensure(actor, canIdentity(actor, 'people.manageRoles'));
  const data = parseInput(createPersonSchema, input);
  const passwordHash = await hashPassword(data.password);
  const now = deps.clock.now().toISOString();
  const id = newId();
  await inTransaction(db, async (trx) => {
    if (await findUserByEmail(trx, data.email)) {
      throw new AppError('validation_failed', {}, [{ path: 'email', key: 'validation.emailTaken' }]);
    }
    await insertUser(trx, {
      id,
      email: data.email,
      password_hash: passwordHash,
      full_name: data.fullName,
      preferred_locale: data.preferredLocale,
      email_verified_at: now,
      country: data.country ?? null,
      constituency: data.constituency ?? null,
      organisation: data.organisation ?? null,
      job_title: data.jobTitle ?? null,
      created_at: now,
      updated_at: now,
    });
    for (const role of new Set(data.roles))
      await grantRole(trx, id, role, actor.kind === 'user' ? actor.id : null, now);
    await audit(trx, deps.clock, actor, {
      action: 'user.created',
      targetType: 'user',
      targetId: id,
      after: { email: data.email, fullName: data.fullName, roles: data.roles },
    });
  });
  return { id };
}

/** The id of the person with this email, if any (the seed uses it to stay idempotent). */
export async function findPersonIdByEmail(
  db: Executor,
  _deps: Services,
  email: string,
): Promise<string | null> {
  return (await findUserByEmail(db, email.toLowerCase()))?.id ?? null;
}
