import type { Executor } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { Clock } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import type { Notice } from './notice.js';
import { DEFAULT_PREFERENCE } from './notification.js';
import type { NoticeEvent } from './notification-kind.js';
import { findPreferenceRow, insertNotificationOnce } from './notifications.repository.js';
import type { EmailJobPayload } from './notifications.schemas.js';

/** The job kind that writes and sends one notice's email. */
export const EMAIL_JOB_KIND = 'notifications.email';

/** The idempotency key of a notice's email job: one job (hence one email) per notice key. */
export function emailJobKey(noticeKey: string): string {
  return `notification-email:${noticeKey}`;
}

/**
 * Tells a person that something happened, according to their preferences for its kind: a notification in
 * the platform (the bell) and/or an email job. Call it inside the transaction of the change, so the notice
 * exists exactly when the change does. Idempotent on `notice.key`: notifying twice creates one notification
 * and one email job.
 */
export async function notify<E extends NoticeEvent>(
  db: Executor,
  clock: Clock,
  notice: Notice<E>,
): Promise<void> {
  const stored = await findPreferenceRow(db, notice.recipientId, notice.event.kind);
  const inApp = stored ? stored.in_app === 1 : DEFAULT_PREFERENCE.inApp;
  const email = stored ? stored.email === 1 : DEFAULT_PREFERENCE.email;
  const now = clock.now().toISOString();
  if (inApp) {
    await insertNotificationOnce(db, {
      id: newId(),
      user_id: notice.recipientId,
      key: notice.key,
      kind: notice.event.kind,
      event_json: JSON.stringify(notice.event),
      created_at: now,
    });
  }
  if (email) {
    const payload: EmailJobPayload = {
      key: notice.key,
      recipientId: notice.recipientId,
      event: notice.event as EmailJobPayload['event'],
      createdAt: now,
    };
    await enqueueJob(db, clock, { kind: EMAIL_JOB_KIND, payload, idempotencyKey: emailJobKey(notice.key) });
  }
}
