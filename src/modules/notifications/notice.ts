import type { NoticeEvent } from './notification-kind.js';

/**
 * One notice to one person. `key` makes it idempotent: notifying twice with the same key creates one
 * notification and sends one email (e.g. `place.confirmed:<enrolmentId>:<n>`). The event's kind is one a
 * module declared in its descriptor (`notificationKinds`).
 */
export interface Notice<E extends NoticeEvent = NoticeEvent> {
  recipientId: string;
  event: E;
  key: string;
}
