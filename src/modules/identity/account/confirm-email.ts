import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { personActing } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { hashSecret } from '../../../kernel/ids.js';
import { consumeOneTimeToken, findOneTimeToken } from '../passwords/password-credentials.repository.js';
import { findUserById, updateUser } from '../users.repository.js';

/** Confirms the email address of a new account from the link mailed at sign-up. */
export async function confirmEmail(
  db: Executor,
  deps: Services,
  token: string,
): Promise<{ userId: string; preferredLocale: string }> {
  const now = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    const row = await findOneTimeToken(trx, hashSecret(token), 'email-confirm');
    if (!row || row.used_at || row.expires_at < now) throw new AppError('token_invalid');
    if (!(await consumeOneTimeToken(trx, row.id, now))) throw new AppError('token_invalid');
    const user = await findUserById(trx, row.user_id);
    if (!user) throw new AppError('token_invalid');
    if (!user.email_verified_at) {
      await updateUser(trx, user.id, { email_verified_at: now, updated_at: now });
      await audit(trx, deps.clock, personActing(user.id), {
        action: 'user.email-confirmed',
        targetType: 'user',
        targetId: user.id,
        after: { email: user.email },
      });
    }
    return { userId: user.id, preferredLocale: user.preferred_locale };
  });
}
