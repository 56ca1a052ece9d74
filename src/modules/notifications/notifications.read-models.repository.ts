/**
 * The notifications module's published read models: what the request context joins to the session query
 * so that a signed-in page pays one statement for the session, the roles and the bell (src/http/context.ts).
 */
import type { Expression } from 'kysely';
import type { Executor } from '../../db/database.js';

/** The bell's number for the person `userId` refers to: a one-column subquery (notifications_unread_idx). */
export function unreadNotificationsOf(db: Executor, userId: Expression<string>) {
  return db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notifications.user_id', '=', userId)
    .where('notifications.read_at', 'is', null);
}
