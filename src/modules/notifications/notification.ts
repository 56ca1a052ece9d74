/**
 * Notifications as the platform shows and sends them: pure rules (no I/O). An event carries ids; what it
 * names is looked up when it is shown or emailed, then rendered in the reader's language through its
 * kind's definition (declared by the module that sends it).
 */
import type { Translator } from '../../i18n/i18n.js';
import { pickLocalized } from '../../i18n/localized.js';
import type { RenderableNotice } from './kinds.js';
import type { NoticeEvent } from './notification-kind.js';

/** A person's choice for one kind of notification. */
export interface Preference {
  kind: string;
  inApp: boolean;
  email: boolean;
}

/** Without a stored choice, every kind is shown in the platform and sent by email. */
export const DEFAULT_PREFERENCE = { inApp: true, email: true } as const;

/** A notification as listed for its owner. */
export interface NotificationItem {
  id: string;
  kind: string;
  notice: RenderableNotice;
  createdAt: string;
  readAt: string | null;
}

/** The ICU values of a notice's texts, with what it names in the reader's language (fallback: another). */
export function noticeValues(t: Translator, notice: RenderableNotice): Record<string, string | number> {
  const subject = notice.subject;
  const title = subject ? pickLocalized(subject.title, t.locale).text || subject.code || null : null;
  const date = subject?.date ? t.date(subject.date, 'long') : null;
  return notice.definition.values(t, notice.event, { title, date });
}

/** The one-line text of a notification (the bell's list and the API), in the reader's language. */
export function notificationText(t: Translator, notice: RenderableNotice): string {
  return t.t(notice.definition.texts(notice.event).line, noticeValues(t, notice));
}

/** The page a notification leads to (a path on this site). */
export function noticePath(notice: {
  event: NoticeEvent;
  definition: RenderableNotice['definition'];
}): string {
  return notice.definition.path(notice.event);
}
