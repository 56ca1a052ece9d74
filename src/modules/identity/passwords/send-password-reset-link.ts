import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { isLocale } from '../../../i18n/i18n.js';
import { hashSecret, newId, newSecret } from '../../../kernel/ids.js';
import { PASSWORD_RESET_TTL_MS } from '../account/account.js';
import { passwordResetMail } from '../identity.mail.js';
import { emailSchema } from '../identity.schemas.js';
import { reserveResetMail } from '../sign-in/back-off.js';
import { findUserByEmail } from '../users.repository.js';
import { expireOneTimeTokens, insertOneTimeToken } from './password-credentials.repository.js';

/** The job that does the work of a reset request, after the request was answered. */
export const PASSWORD_RESET_JOB = 'identity.password-reset';

/** The job's payload: the address typed and the requesting client's address (as back-off counts it). */
export const passwordResetJobPayload = z.object({ email: emailSchema, address: z.string().min(1).max(64) });
export type PasswordResetJobPayload = z.infer<typeof passwordResetJobPayload>;

/** What the job did (kept as its result; administrators only). */
export type PasswordResetOutcome = 'sent' | 'no-account' | 'held-back';

/**
 * Mails a single-use reset link (valid one hour; older links stop working) when the address has a live
 * account and the per-account back-off allows it (back-off.ts: per requesting address, and per account
 * except from an address the owner signed in from, so nobody can flood a mailbox or block the owner's
 * own resets). A mail failure throws, so that the job is retried.
 */
export async function sendPasswordResetLink(
  db: Executor,
  deps: Services,
  payload: PasswordResetJobPayload,
): Promise<PasswordResetOutcome> {
  const user = await findUserByEmail(db, payload.email);
  if (!user || user.disabled_at) return 'no-account';
  if (!(await reserveResetMail(db, deps.clock, user.email, payload.address))) return 'held-back';
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
  await deps.mailer.send(
    passwordResetMail(locale, user.email, user.full_name, `${deps.config.baseUrl}/password/reset/${token}`),
  );
  return 'sent';
}
