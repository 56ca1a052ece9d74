import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { isLocale, type Locale } from '../../../i18n/i18n.js';
import { AppError } from '../../../kernel/errors.js';
import { hashSecret, newId, newSecret } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { CONFIRM_EMAIL_TTL_MS, SESSION_TTL_MS } from '../account/account.js';
import { send } from '../account/sign-up.js';
import { confirmEmailMail } from '../identity.mail.js';
import { signInSchema } from '../identity.schemas.js';
import { decoyPasswordHash, verifyPassword } from '../passwords/password.js';
import {
  expireOneTimeTokens,
  insertOneTimeToken,
  insertSession,
} from '../passwords/password-credentials.repository.js';
import { findUserByEmail } from '../users.repository.js';
import { recordSignInSuccess, reserveSignInAttempt } from './back-off.js';
import { clientAddress } from './client-address.js';

export interface SignInResult {
  /** The secret for the session cookie (only its hash is stored). */
  sessionToken: string;
  userId: string;
  expiresAt: string;
  /** The person's interface language (the web layer remembers it in the language cookie too). */
  preferredLocale: Locale;
}

/**
 * Checks an email and password and opens a new session (a fresh id at every sign-in). Unknown email and
 * wrong password get the same error after the same work. Every attempt is counted before the password is
 * checked, per account and client address and per account (see back-off.ts).
 */
export async function signIn(
  db: Executor,
  deps: Services,
  input: unknown,
  client: { ip: string | null; userAgent: string | null },
): Promise<SignInResult> {
  const data = parseInput(signInSchema, input);
  const address = clientAddress(client.ip);
  await reserveSignInAttempt(db, deps.clock, data.email, address);
  const user = await findUserByEmail(db, data.email);
  const matches = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), data.password);
  if (!user || !matches || user.disabled_at) throw new AppError('invalid_credentials');
  await recordSignInSuccess(db, deps.clock, { email: data.email, userId: user.id, address });
  const now = deps.clock.now();
  if (!user.email_verified_at) {
    const token = newSecret();
    await inTransaction(db, async (trx) => {
      await expireOneTimeTokens(trx, user.id, 'email-confirm', now.toISOString());
      await insertOneTimeToken(trx, {
        id: newId(),
        token_hash: hashSecret(token),
        user_id: user.id,
        purpose: 'email-confirm',
        new_email: null,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + CONFIRM_EMAIL_TTL_MS).toISOString(),
      });
    });
    const locale = isLocale(user.preferred_locale) ? user.preferred_locale : 'en';
    await send(
      deps,
      confirmEmailMail(locale, user.email, user.full_name, `${deps.config.baseUrl}/confirm-email/${token}`),
    );
    throw new AppError('email_unconfirmed');
  }
  const sessionToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await insertSession(db, {
    id: hashSecret(sessionToken),
    user_id: user.id,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  });
  return {
    sessionToken,
    userId: user.id,
    expiresAt,
    preferredLocale: isLocale(user.preferred_locale) ? user.preferred_locale : 'en',
  };
}
