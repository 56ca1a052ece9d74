import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Deps, Services } from '../../../deps.js';
import { isLocale } from '../../../i18n/i18n.js';
import { personActing } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { hashSecret, newId, newSecret } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { accountExistsMail, confirmEmailMail } from '../identity.mail.js';
import { signUpSchema } from '../identity.schemas.js';
import { hashPassword } from '../passwords/password.js';
import { insertOneTimeToken } from '../passwords/password-credentials.repository.js';
import { findUserByEmail, grantRole, insertUser } from '../users.repository.js';
import { CONFIRM_EMAIL_TTL_MS } from './account.js';

/**
 * Creates an account (role: participant) awaiting email confirmation and mails the confirmation link.
 * When the address already has an account, its owner is told by email instead; the caller sees the same
 * answer either way, so sign-up never reveals who has an account.
 */
export async function signUp(db: Executor, deps: Services, input: unknown): Promise<void> {
  const data = parseInput(signUpSchema, input);
  const passwordHash = await hashPassword(data.password);
  const now = deps.clock.now();
  const existing = await findUserByEmail(db, data.email);
  if (existing) {
    const locale = isLocale(existing.preferred_locale) ? existing.preferred_locale : data.preferredLocale;
    await send(
      deps,
      accountExistsMail(locale, existing.email, existing.full_name, `${deps.config.baseUrl}/sign-in`),
    );
    return;
  }
  const userId = newId();
  const token = newSecret();
  await inTransaction(db, async (trx) => {
    await insertUser(trx, {
      id: userId,
      email: data.email,
      password_hash: passwordHash,
      full_name: data.fullName,
      preferred_locale: data.preferredLocale,
      email_verified_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await grantRole(trx, userId, 'participant', null, now.toISOString());
    await insertOneTimeToken(trx, {
      id: newId(),
      token_hash: hashSecret(token),
      user_id: userId,
      purpose: 'email-confirm',
      new_email: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CONFIRM_EMAIL_TTL_MS).toISOString(),
    });
    await audit(trx, deps.clock, personActing(userId), {
      action: 'user.signed-up',
      targetType: 'user',
      targetId: userId,
      after: { email: data.email, fullName: data.fullName, preferredLocale: data.preferredLocale },
    });
  });
  const link = `${deps.config.baseUrl}/confirm-email/${token}`;
  await send(deps, confirmEmailMail(data.preferredLocale, data.email, data.fullName, link));
}

/** Sends a mail after the commit; a mail failure is logged, never undoes the committed change. */
export async function send(deps: Services, message: Parameters<Deps['mailer']['send']>[0]): Promise<void> {
  try {
    await deps.mailer.send(message);
  } catch (error) {
    deps.log.error({ err: error, to: message.to, subject: message.subject }, 'mail could not be sent');
  }
}
