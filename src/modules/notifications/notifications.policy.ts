import type { Actor } from '../../kernel/actor.js';

/** What can be done with notifications: each person reads and manages only their own. */
export type NotificationAction = 'notifications.read' | 'notifications.markRead' | 'preferences.update';

/** Pure: may `actor` do `action` on their own notifications? (Lists are scoped to the actor in SQL.) */
export function canNotifications(actor: Actor, _action: NotificationAction): boolean {
  return actor.kind === 'user';
}
