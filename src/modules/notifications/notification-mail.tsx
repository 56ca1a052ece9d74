/**
 * The notification emails, from one template: subject, an HTML part and a plain-text part, in the
 * recipient's language, with the titles they name in that language and a link to the right page.
 * Messages live under `notifications.mail.*`; the greeting and signature are the platform's (`mail.*`).
 */
import { renderToString } from 'preact-render-to-string';
import { type Locale, translator } from '../../i18n/i18n.js';
import type { MailMessage } from '../../integrations/mail.js';
import type { RenderableNotice } from './kinds.js';
import { noticePath, noticeValues } from './notification.js';

/** Who gets the email, and where the site is. */
export interface MailRecipient {
  email: string;
  name: string;
  locale: Locale;
}

/** The words of one email before they are laid out as text and HTML. */
interface MailParts {
  subject: string;
  greeting: string;
  body: string;
  /** The committee's message or the reason for a decline, with its label. */
  quote: { label: string; text: string } | null;
  action: { label: string; url: string };
  footer: { text: string; url: string };
  signature: string;
}

function partsOf(recipient: MailRecipient, notice: RenderableNotice, baseUrl: string): MailParts {
  const t = translator(recipient.locale);
  const values = noticeValues(t, notice);
  const texts = notice.definition.texts(notice.event);
  const quote = notice.definition.quote?.(notice.event) ?? null;
  const base = baseUrl.replace(/\/+$/, '');
  return {
    subject: t.t(texts.mailSubject, values),
    greeting: t.t('mail.greeting', { name: recipient.name }),
    body: t.t(texts.mailBody, values),
    quote: quote ? { label: t.t(quote.label), text: quote.text } : null,
    action: { label: t.t(notice.definition.action), url: `${base}${noticePath(notice)}` },
    footer: { text: t.t('notifications.mail.footer'), url: `${base}/account/notifications` },
    signature: t.t('mail.signature'),
  };
}

function plainText(parts: MailParts): string {
  const quote = parts.quote
    ? [`${parts.quote.label}`, ...parts.quote.text.split('\n').map((l) => `> ${l}`), '']
    : [];
  return [
    parts.greeting,
    '',
    parts.body,
    '',
    ...quote,
    `${parts.action.label}: ${parts.action.url}`,
    '',
    parts.signature,
    '',
    '--',
    `${parts.footer.text} ${parts.footer.url}`,
    '',
  ].join('\n');
}

function HtmlMail({ parts, lang }: { parts: MailParts; lang: string }) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <title>{parts.subject}</title>
      </head>
      <body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a;">
        <p>{parts.greeting}</p>
        <p>{parts.body}</p>
        {parts.quote ? (
          <>
            <p>{parts.quote.label}</p>
            <blockquote style="border-left: 4px solid #ccc; margin: 0; padding-left: 1em; white-space: pre-line;">
              {parts.quote.text}
            </blockquote>
          </>
        ) : null}
        <p>
          <a href={parts.action.url}>{parts.action.label}</a>
        </p>
        <p>{parts.signature}</p>
        <hr />
        <p style="font-size: 0.875em; color: #555;">
          {parts.footer.text} <a href={parts.footer.url}>{parts.footer.url}</a>
        </p>
      </body>
    </html>
  );
}

/**
 * The email of one notice. `messageId` and `date` are fixed by the caller from the notice, so that a retry
 * writes the same message (see send-notification-email.ts).
 */
export function renderNotificationMail(
  recipient: MailRecipient,
  notice: RenderableNotice,
  options: { baseUrl: string; messageId?: string; date?: Date },
): MailMessage {
  const parts = partsOf(recipient, notice, options.baseUrl);
  return {
    to: recipient.email,
    subject: parts.subject,
    text: plainText(parts),
    html: `<!doctype html>${renderToString(<HtmlMail parts={parts} lang={recipient.locale} />)}`,
    language: recipient.locale,
    ...(options.messageId ? { messageId: options.messageId } : {}),
    ...(options.date ? { date: options.date } : {}),
  };
}
