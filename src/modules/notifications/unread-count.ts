import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The bell's number for the signed-in person on a web page (null: not counted for this request). */
    unreadNotifications: number | null;
  }
}

/**
 * Gives each web page the signed-in person's unread notifications. The count (indexed:
 * notifications_unread_idx on user_id, read_at) is read in the session's own statement by the request
 * context (`unreadNotificationsOf` → `account.figure`, src/http/context.ts), so it costs no query of its own
 * and is as fresh as the session. API calls and posts are not given it.
 */
export function installUnreadCount(app: FastifyInstance, _deps: Deps): void {
  app.decorateRequest('unreadNotifications', null);
  app.addHook('preHandler', (request, _reply, next) => {
    if (!request.isApi && request.account && request.method === 'GET')
      request.unreadNotifications = request.account.figure;
    next();
  });
}
