import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { isLocale } from '../../i18n/i18n.js';
import { hashSecret, newId, newSecret } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { PASSWORD_RESET_TTL_MS } from './account.js';
import { passwordResetMail } from './identity.mail.js';
import { forgotPasswordSchema } from './identity.schemas.js';
import { expireOneTimeTokens, insertOneTimeToken } from './password-credentials.repository.js';
import { send } from './sign-up.js';
import { assertNotLocked, recordFailure } from './throttle.js';
import { findUserByEmail } from './users.repository.js';

/**
 * Mails a single-use reset link (valid one hour; older links stop working) when the address has an
 * account. The caller always gets the same answer. Each request counts against the address's back-off,
 * so nobody can flood a mailbox.
 */
export async function requestPasswordReset(db: Executor, deps: Services, input: unknown): Promise<void> {
  const { email } = parseInput(forgotPasswordSchema, input);
  const throttleKey = `password-reset:${email}`;
  await assertNotLocked(db, deps.clock, throttleKey);
  await recordFailure(db, deps.clock, throttleKey);
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled_at) return;
  const token = newSecret();
  const now = deps.clock.now();
  await inTransaction(db, async (trx) => {
    await expireOneTimeTokens(trx, user.id, 'password-reset', now.toISOString());
    await insertOneTimeToken(trx, {
      id: newId(),
      token_hash: hashSecret(token),
      user_id: user.id,
      purpose: 'password-reset',
      new_email: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + PASSWORD_RESET_TTL_MS).toISOString(),
    });
  });
  const locale = isLocale(user.preferred_locale) ? user.preferred_locale : 'en';
  await send(
    deps,
    passwordResetMail(locale, user.email, user.full_name, `${deps.config.baseUrl}/password/reset/${token}`),
  );
}
