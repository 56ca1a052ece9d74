import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { canIdentity } from '../identity.policy.js';
import { changePasswordSchema, profileSchema, timeZoneSchema } from '../identity.schemas.js';
import { checkCurrentPassword } from '../passwords/check-current-password.js';
import { hashPassword } from '../passwords/password.js';
import { deleteSessionsOfUser } from '../passwords/password-credentials.repository.js';
import { findUserById, listRoles, updateUser } from '../users.repository.js';
import { type Account, toAccount } from './account.js';

/** The signed-in person's own account. */
export async function getOwnAccount(db: Executor, _deps: Services, actor: Actor): Promise<Account> {
  ensure(actor, canIdentity(actor, 'account.read'));
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const row = await findUserById(db, actor.id);
  if (!row) throw new AppError('not_found');
  return toAccount(row, await listRoles(db, row.id));
}

/** Updates one's own name, language and profile (audited: names appear on certificates). */
export async function updateProfile(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<Account> {
  ensure(actor, canIdentity(actor, 'account.update'));
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const data = parseInput(profileSchema, input);
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    const before = await findUserById(trx, actor.id);
    if (!before) throw new AppError('not_found');
    const changes = {
      full_name: data.fullName,
      preferred_locale: data.preferredLocale,
      country: data.country ?? null,
      constituency: data.constituency ?? null,
      organisation: data.organisation ?? null,
      job_title: data.jobTitle ?? null,
      // Absent (an older client, the language switcher): unchanged.
      learning_languages:
        data.learningLanguages === undefined
          ? before.learning_languages
          : data.learningLanguages.join(',') || null,
      time_zone: data.timeZone === undefined ? before.time_zone : data.timeZone,
    };
    await updateUser(trx, actor.id, { ...changes, updated_at: now });
    await audit(trx, deps.clock, actor, {
      action: 'user.profile-updated',
      targetType: 'user',
      targetId: actor.id,
      before: {
        full_name: before.full_name,
        preferred_locale: before.preferred_locale,
        country: before.country,
        constituency: before.constituency,
        organisation: before.organisation,
        job_title: before.job_title,
        learning_languages: before.learning_languages,
        time_zone: before.time_zone,
      },
      after: changes,
    });
  });
  return getOwnAccount(db, deps, actor);
}

/** Only the time zone (from the browser, on the course space): unchanged when it is the same. */
export async function setTimeZone(
  db: Executor,
  deps: Services,
  actor: Actor,
  timeZone: unknown,
): Promise<void> {
  ensure(actor, canIdentity(actor, 'account.update'));
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const zone = parseInput(z.object({ timeZone: timeZoneSchema }), { timeZone }).timeZone;
  await inTransaction(db, async (trx) => {
    const before = await findUserById(trx, actor.id);
    if (!before) throw new AppError('not_found');
    if (before.time_zone === zone) return;
    await updateUser(trx, actor.id, { time_zone: zone, updated_at: deps.clock.now().toISOString() });
    await audit(trx, deps.clock, actor, {
      action: 'user.profile-updated',
      targetType: 'user',
      targetId: actor.id,
      before: { time_zone: before.time_zone },
      after: { time_zone: zone },
    });
  });
}

/** Only the language preference (the language switcher, for a signed-in person). */
export async function setPreferredLocale(
  db: Executor,
  deps: Services,
  actor: Actor,
  locale: string,
): Promise<void> {
  if (actor.kind !== 'user') return;
  const account = await getOwnAccount(db, deps, actor);
  if (account.preferredLocale === locale) return;
  await updateProfile(db, deps, actor, {
    fullName: account.fullName,
    preferredLocale: locale,
    country: account.country ?? '',
    learningLanguages: account.learningLanguages,
    constituency: account.constituency ?? '',
    organisation: account.organisation ?? '',
    jobTitle: account.jobTitle ?? '',
  });
}

/** Changes one's password (the current one is asked); every other session of the person ends. */
export async function changePassword(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
  keepSessionHash?: string,
) {
  ensure(actor, canIdentity(actor, 'account.update'));
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const data = parseInput(changePasswordSchema, input);
  const user = await findUserById(db, actor.id);
  if (!user) throw new AppError('not_found');
  await checkCurrentPassword(db, deps, user, data.currentPassword);
  const passwordHash = await hashPassword(data.newPassword);
  await inTransaction(db, async (trx) => {
    await updateUser(trx, actor.id, {
      password_hash: passwordHash,
      updated_at: deps.clock.now().toISOString(),
    });
    await deleteSessionsOfUser(trx, actor.id, keepSessionHash);
    await audit(trx, deps.clock, actor, {
      action: 'user.password-changed',
      targetType: 'user',
      targetId: actor.id,
    });
  });
}
