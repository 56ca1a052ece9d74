import { createHash } from 'node:crypto';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { isLocale } from '../../i18n/i18n.js';
import { notificationKinds, readNotice, withSubjects } from './kinds.js';
import { renderNotificationMail } from './notification-mail.js';
import { findDelivery, findRecipient, recordDelivery } from './notifications.repository.js';
import type { EmailJobPayload } from './notifications.schemas.js';

/** The Message-ID of a notice's email: derived from its key, so every retry sends the same message. */
export function noticeMessageId(key: string, baseUrl: string): string {
  let host = 'localhost';
  try {
    host = new URL(baseUrl).hostname || host;
  } catch {
    // keep localhost
  }
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `<${hash}.notification@${host}>`;
}

export type EmailOutcome = 'sent' | 'already-sent' | 'no-recipient' | 'unknown-kind';

/**
 * Writes and sends the email of one notice (the body of the `notifications.email` job), safe to run again:
 *
 * 1. a notice whose delivery is recorded is not sent again (a job retried after it finished);
 * 2. the message has a Message-ID and Date fixed by the notice, so a send repeated because the worker died
 *    between sending and recording (step 3) rewrites the same outbox file, and reaches an SMTP server as
 *    the same message (receivers may drop the duplicate by its Message-ID);
 * 3. the delivery is recorded right after the send.
 *
 * So: exactly one copy in the outbox; at least once, normally once, to SMTP.
 */
export async function sendNotificationEmail(
  db: Executor,
  deps: Services,
  payload: EmailJobPayload,
): Promise<EmailOutcome> {
  if (await findDelivery(db, payload.key)) return 'already-sent';
  const recipient = await findRecipient(db, payload.recipientId);
  if (!recipient || recipient.disabled_at) return 'no-recipient';
  const read = readNotice(notificationKinds(deps.modules), payload.event);
  // A kind no module declares any more (or a damaged event): nothing to write, nothing to retry.
  if (!read) return 'unknown-kind';
  const [notice] = await withSubjects(db, [read]);
  const messageId = noticeMessageId(payload.key, deps.config.baseUrl);
  const message = renderNotificationMail(
    {
      email: recipient.email,
      name: recipient.full_name,
      locale: isLocale(recipient.preferred_locale) ? recipient.preferred_locale : 'en',
    },
    notice!,
    { baseUrl: deps.config.baseUrl, messageId, date: new Date(payload.createdAt) },
  );
  await deps.mailer.send(message);
  await recordDelivery(db, {
    key: payload.key,
    user_id: recipient.id,
    kind: payload.event.kind,
    message_id: messageId,
    sent_at: deps.clock.now().toISOString(),
  });
  return 'sent';
}
