import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { isLocale } from '../../i18n/i18n.js';
import { personActing } from '../../kernel/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { hashSecret } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { passwordChangedMail } from './identity.mail.js';
import { resetPasswordSchema } from './identity.schemas.js';
import { hashPassword } from './password.js';
import {
  clearThrottle,
  consumeOneTimeToken,
  deleteSessionsOfUser,
  findOneTimeToken,
} from './password-credentials.repository.js';
import { send } from './sign-up.js';
import { findUserById, updateUser } from './users.repository.js';

/** True when a reset link is still usable (the form is only shown for a live link). */
export async function isPasswordResetTokenValid(
  db: Executor,
  deps: Services,
  token: string,
): Promise<boolean> {
  const row = await findOneTimeToken(db, hashSecret(token), 'password-reset');
  return Boolean(row && !row.used_at && row.expires_at > deps.clock.now().toISOString());
}

/**
 * Sets a new password from a reset link: the link is used up, every session of the person ends, the
 * address is confirmed (the person proved they read it) and they are told by email.
 */
export async function resetPassword(
  db: Executor,
  deps: Services,
  token: string,
  input: unknown,
): Promise<void> {
  const { password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now().toISOString();
  const user = await inTransaction(db, async (trx) => {
    const row = await findOneTimeToken(trx, hashSecret(token), 'password-reset');
    if (!row || row.used_at || row.expires_at <= now) throw new AppError('token_invalid');
    if (!(await consumeOneTimeToken(trx, row.id, now))) throw new AppError('token_invalid');
    const found = await findUserById(trx, row.user_id);
    if (!found) throw new AppError('token_invalid');
    await updateUser(trx, found.id, {
      password_hash: passwordHash,
      email_verified_at: found.email_verified_at ?? now,
      updated_at: now,
    });
    await deleteSessionsOfUser(trx, found.id);
    await clearThrottle(trx, `sign-in:${found.email}`);
    await recordAudit(trx, deps.clock, personActing(found.id), {
      action: 'user.password-reset',
      targetType: 'user',
      targetId: found.id,
    });
    return found;
  });
  const locale = isLocale(user.preferred_locale) ? user.preferred_locale : 'en';
  await send(
    deps,
    passwordChangedMail(locale, user.email, user.full_name, `${deps.config.baseUrl}/password/forgot`),
  );
}
