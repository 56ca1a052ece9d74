import type { Module } from '../module.js';
import * as notifications from './migrations/2026-12-01T1000-notifications.js';
import { NOTIFICATION_JOBS } from './notification-jobs.js';
import { notificationsApiRoutes } from './notifications.api.js';
import { notificationsWebRoutes } from './notifications.web.js';
import { installUnreadCount } from './unread-count.js';

/** The bell, per-person preferences, and the emails of every module's notices. */
export const notificationsModule: Module = {
  name: 'notifications',
  hooks: installUnreadCount,
  webRoutes: notificationsWebRoutes,
  apiRoutes: notificationsApiRoutes,
  jobs: NOTIFICATION_JOBS,
  migrations: { '2026-12-01T1000-notifications': notifications },
  tables: ['notifications', 'notification_preferences', 'mail_deliveries'],
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /account/notifications': 'signed-in',
    'GET /api/v1/notifications': 'signed-in',
    'GET /api/v1/notifications/preferences': 'signed-in',
    'GET /notifications': 'signed-in',
    'POST /account/notifications': 'signed-in',
    'POST /api/v1/notifications/read': 'signed-in',
    'POST /notifications/:id/open': 'signed-in',
    'POST /notifications/read-all': 'signed-in',
    'PUT /api/v1/notifications/preferences': 'signed-in',
  },
};
