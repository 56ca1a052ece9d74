import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { countUnread } from './count-unread.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The bell's number for the signed-in person on a web page (null: not counted for this request). */
    unreadNotifications: number | null;
  }
}

/**
 * Counts the signed-in person's unread notifications before each web page is rendered (one indexed count:
 * notifications_unread_idx on user_id, read_at). API calls and posts are not counted.
 */
export function installUnreadCount(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('unreadNotifications', null);
  app.addHook('preHandler', async (request) => {
    if (request.isApi || !request.account || request.method !== 'GET') return;
    request.unreadNotifications = await countUnread(deps.db, deps, request.actor);
  });
}
