import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { isLocale } from '../../../i18n/i18n.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { hashSecret, newId, newSecret } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { emailChangeMail, emailChangeNoticeMail } from '../identity.mail.js';
import { canIdentity } from '../identity.policy.js';
import { changeEmailSchema } from '../identity.schemas.js';
import { checkCurrentPassword } from '../passwords/check-current-password.js';
import {
  consumeOneTimeToken,
  expireOneTimeTokens,
  findOneTimeToken,
  insertOneTimeToken,
} from '../passwords/password-credentials.repository.js';
import { findUserByEmail, findUserById, updateUser } from '../users.repository.js';
import { EMAIL_CHANGE_TTL_MS } from './account.js';
import { send } from './sign-up.js';

/**
 * Starts a change of email: after the current password is checked, a confirmation link goes to the new
 * address and a notice to the old one. Nothing changes until the link is followed. A new address that
 * already belongs to someone gets no link (and the asker is not told, to keep addresses private).
 */
export async function requestEmailChange(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<void> {
  ensure(actor, canIdentity(actor, 'account.update'));
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const data = parseInput(changeEmailSchema, input);
  const user = await findUserById(db, actor.id);
  if (!user) throw new AppError('not_found');
  await checkCurrentPassword(db, deps, user, data.currentPassword);
  if (data.newEmail === user.email) {
    throw new AppError('validation_failed', {}, [{ path: 'newEmail', key: 'validation.sameEmail' }]);
  }
  const locale = isLocale(user.preferred_locale) ? user.preferred_locale : 'en';
  const accountLink = `${deps.config.baseUrl}/account`;
  await send(deps, emailChangeNoticeMail(locale, user.email, user.full_name, accountLink));
  if (await findUserByEmail(db, data.newEmail)) return;
  const token = newSecret();
  const now = deps.clock.now();
  await inTransaction(db, async (trx) => {
    await expireOneTimeTokens(trx, user.id, 'email-change', now.toISOString());
    await insertOneTimeToken(trx, {
      id: newId(),
      token_hash: hashSecret(token),
      user_id: user.id,
      purpose: 'email-change',
      new_email: data.newEmail,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS).toISOString(),
    });
  });
  await send(
    deps,
    emailChangeMail(
      locale,
      data.newEmail,
      user.full_name,
      `${deps.config.baseUrl}/confirm-email-change/${token}`,
    ),
  );
}

/** Completes a change of email from the link sent to the new address. */
export async function confirmEmailChange(
  db: Executor,
  deps: Services,
  token: string,
): Promise<{ userId: string; email: string }> {
  const now = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    const row = await findOneTimeToken(trx, hashSecret(token), 'email-change');
    if (!row?.new_email || row.used_at || row.expires_at <= now) throw new AppError('token_invalid');
    if (!(await consumeOneTimeToken(trx, row.id, now))) throw new AppError('token_invalid');
    const user = await findUserById(trx, row.user_id);
    if (!user) throw new AppError('token_invalid');
    if (await findUserByEmail(trx, row.new_email)) throw new AppError('already_exists', { field: 'email' });
    await updateUser(trx, user.id, { email: row.new_email, email_verified_at: now, updated_at: now });
    await audit(
      trx,
      deps.clock,
      { kind: 'user', id: user.id, roles: [], via: 'session' },
      {
        action: 'user.email-changed',
        targetType: 'user',
        targetId: user.id,
        before: { email: user.email },
        after: { email: row.new_email },
      },
    );
    return { userId: user.id, email: row.new_email };
  });
}
