import { type Locale, translator } from '../../i18n/i18n.js';
import type { MailMessage } from '../../integrations/mail.js';

/**
 * The identity emails, rendered in the recipient's language with a plain-text body (all that these need:
 * a greeting, one sentence and one link).
 */
function message(
  locale: Locale,
  to: string,
  kind: string,
  values: Record<string, string>,
  after: string[] = [],
): MailMessage {
  const t = translator(locale);
  const text = [
    t.t('mail.greeting', { name: values.name ?? '' }),
    '',
    t.t(`mail.${kind}.body`, values),
    '',
    values.link ?? '',
    ...after.flatMap((line) => ['', line]),
    '',
    t.t('mail.signature'),
  ].join('\n');
  return { to, subject: t.t(`mail.${kind}.subject`), text, language: locale };
}

/** "Confirm your email address" after sign-up (or when signing in unconfirmed). */
export const confirmEmailMail = (locale: Locale, to: string, name: string, link: string) =>
  message(locale, to, 'confirmEmail', { name, link });

/** Someone tried to sign up with an address that already has an account. */
export const accountExistsMail = (locale: Locale, to: string, name: string, link: string) =>
  message(locale, to, 'accountExists', { name, link });

export const passwordResetMail = (locale: Locale, to: string, name: string, link: string) =>
  message(locale, to, 'passwordReset', { name, link });

/** After a reset: the password changed, sessions ended, and (when there were any) API tokens revoked. */
export const passwordChangedMail = (
  locale: Locale,
  to: string,
  name: string,
  link: string,
  revokedApiTokens = 0,
) =>
  message(
    locale,
    to,
    'passwordChanged',
    { name, link },
    revokedApiTokens > 0
      ? [translator(locale).t('mail.passwordChanged.tokensRevoked', { count: revokedApiTokens })]
      : [],
  );

/** Sent to the new address: confirm the change. */
export const emailChangeMail = (locale: Locale, to: string, name: string, link: string) =>
  message(locale, to, 'emailChange', { name, link });

/** Sent to the old address: a change was asked for. */
export const emailChangeNoticeMail = (locale: Locale, to: string, name: string, link: string) =>
  message(locale, to, 'emailChangeNotice', { name, link });
