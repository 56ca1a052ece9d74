import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { isLocale } from '../../../i18n/i18n.js';
import { personActing } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { hashSecret } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { send } from '../account/sign-up.js';
import { passwordChangedMail } from '../identity.mail.js';
import { resetPasswordSchema } from '../identity.schemas.js';
import { signInKey } from '../sign-in/back-off.js';
import { findUserById, updateUser } from '../users.repository.js';
import { hashPassword } from './password.js';
import {
  clearThrottleFamily,
  consumeOneTimeToken,
  deleteSessionsOfUser,
  findOneTimeToken,
  revokeAllApiTokensOfUser,
} from './password-credentials.repository.js';

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
 * Sets a new password from a reset link: the link is used up, every session of the person ends and every
 * personal API token is revoked (whoever knew the old password may have made one), the address is
 * confirmed (the person proved they read it), the sign-in back-off of the account is forgotten, and they
 * are told by email, in their language, including how many tokens were revoked.
 */
export async function resetPassword(
  db: Executor,
  deps: Services,
  token: string,
  input: unknown,
): Promise<{ revokedApiTokens: number }> {
  const { password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now().toISOString();
  const { user, revokedApiTokens } = await inTransaction(db, async (trx) => {
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
    const revoked = await revokeAllApiTokensOfUser(trx, found.id, now);
    await clearThrottleFamily(trx, signInKey(found.email));
    await audit(trx, deps.clock, personActing(found.id), {
      action: 'user.password-reset',
      targetType: 'user',
      targetId: found.id,
      after: { revokedApiTokens: revoked },
    });
    return { user: found, revokedApiTokens: revoked };
  });
  const locale = isLocale(user.preferred_locale) ? user.preferred_locale : 'en';
  await send(
    deps,
    passwordChangedMail(
      locale,
      user.email,
      user.full_name,
      `${deps.config.baseUrl}/password/forgot`,
      revokedApiTokens,
    ),
  );
  return { revokedApiTokens };
}
