/**
 * The credentials emails, in the recipient's language, plain text: a greeting, what happened, one link.
 * Messages live under `credential.mail.*` in the locale files.
 */
import { isLocale, type Locale, translator } from '../../../i18n/i18n.js';
import type { MailMessage } from '../../../integrations/mail.js';

function message(
  locale: Locale,
  to: string,
  id: string,
  values: Record<string, string>,
  links: string[],
): MailMessage {
  const t = translator(locale);
  const text = [
    t.t('mail.greeting', { name: values.name ?? '' }),
    '',
    t.t(`${id}.body`, values),
    '',
    ...links,
    '',
    t.t('mail.signature'),
  ].join('\n');
  return { to, subject: t.t(`${id}.subject`, values), text, language: locale };
}

/** The language of a mail: the stored one when it is an interface language, else English. */
export function mailLocale(value: string): Locale {
  return isLocale(value) ? value : 'en';
}

/** To the holder: a credential was issued (its title, the verification page, their credentials page). */
export function credentialIssuedMail(
  locale: Locale,
  to: string,
  values: { name: string; kind: string; title: string; verifyUrl: string; listUrl: string },
): MailMessage {
  const kind = translator(locale).t(`credential.kind.${values.kind}`);
  return message(locale, to, 'credential.mail.issued', { ...values, kind }, [
    values.verifyUrl,
    values.listUrl,
  ]);
}

/** To the holder: their credential was revoked, suspended or reinstated. */
export function credentialStatusMail(
  locale: Locale,
  to: string,
  values: { name: string; status: 'revoked' | 'suspended' | 'active'; title: string; verifyUrl: string },
): MailMessage {
  return message(locale, to, `credential.mail.status.${values.status}`, values, [values.verifyUrl]);
}

/** To a manager: a certificate a diploma counted was revoked, and what became of the diploma. */
export function componentRevokedMail(
  locale: Locale,
  to: string,
  values: {
    name: string;
    outcome: 'suspended' | 'still-holds' | 'already-suspended';
    holder: string;
    component: string;
    componentCode: string;
    diplomaCode: string;
    diplomaUrl: string;
  },
): MailMessage {
  const outcome = {
    suspended: 'suspended',
    'still-holds': 'stillHolds',
    'already-suspended': 'alreadySuspended',
  }[values.outcome];
  return message(locale, to, `credential.mail.componentRevoked.${outcome}`, values, [values.diplomaUrl]);
}
