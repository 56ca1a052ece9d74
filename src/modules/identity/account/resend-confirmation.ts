import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { isLocale } from '../../../i18n/i18n.js';
import { hashSecret, newId, newSecret } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { confirmEmailMail } from '../identity.mail.js';
import { forgotPasswordSchema } from '../identity.schemas.js';
import { insertOneTimeToken } from '../passwords/password-credentials.repository.js';
import { findUserByEmail } from '../users.repository.js';
import { CONFIRM_EMAIL_TTL_MS } from './account.js';
import { send } from './sign-up.js';

/**
 * Mails a new confirmation link to an account whose address is not confirmed yet (the first link expired
 * or was lost), in the account's language. The caller sees the same answer whatever the address, so this
 * never tells who has an account; the route limits how often a client may ask. Like a password-reset
 * link, a new link is not an audited change (the confirmation it leads to is).
 */
export async function resendConfirmation(db: Executor, deps: Services, input: unknown): Promise<void> {
  const { email } = parseInput(forgotPasswordSchema, input);
  const user = await findUserByEmail(db, email);
  if (!user || user.email_verified_at) return;
  const token = newSecret();
  const now = deps.clock.now();
  await insertOneTimeToken(db, {
    id: newId(),
    token_hash: hashSecret(token),
    user_id: user.id,
    purpose: 'email-confirm',
    new_email: null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + CONFIRM_EMAIL_TTL_MS).toISOString(),
  });
  const locale = isLocale(user.preferred_locale) ? user.preferred_locale : 'en';
  await send(
    deps,
    confirmEmailMail(locale, user.email, user.full_name, `${deps.config.baseUrl}/confirm-email/${token}`),
  );
}
