import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/api-schemas.js';
import type { Translator } from '../../i18n/i18n.js';
import { listNotifications, type NotificationPage } from './list-notifications.js';
import { markNotificationsRead } from './mark-notifications-read.js';
import { noticePath, notificationText } from './notification.js';
import { listQuerySchema, markReadSchema, preferencesFormSchema } from './notifications.schemas.js';
import { getPreferences } from './preferences.js';
import { savePreferences } from './save-preferences.js';

const notificationJson = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string(),
  url: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  event: z.record(z.string(), z.unknown()),
});

const pageJson = z.object({
  notifications: z.array(notificationJson),
  page: z.number(),
  pageCount: z.number(),
  total: z.number(),
  unreadCount: z.number(),
});

const preferencesJson = z.object({
  preferences: z.array(z.object({ kind: z.string(), inApp: z.boolean(), email: z.boolean() }).strip()),
});

/** The JSON of a page of notifications: texts in the caller's language, links absolute. */
function presentPage(t: Translator, baseUrl: string, page: NotificationPage): z.infer<typeof pageJson> {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    notifications: page.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      text: notificationText(t, item.notice),
      url: `${base}${noticePath(item.notice)}`,
      createdAt: item.createdAt,
      readAt: item.readAt,
      event: { ...item.notice.event },
    })),
    page: page.page,
    pageCount: page.pageCount,
    total: page.total,
    unreadCount: page.unreadCount,
  };
}

const security = [{ bearerAuth: [] }];

/** /api/v1/notifications: one's own notifications, marking them read, and one's notification settings. */
export function notificationsApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first (texts in your language)',
        security,
        querystring: listQuerySchema,
        response: { 200: pageJson, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const page = await listNotifications(deps.db, deps, request.actor, {
        page: request.query.page,
        unreadOnly: request.query.unread === 'true',
      });
      return presentPage(request.i18n, deps.config.baseUrl, page);
    },
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark some of your notifications read (`ids`), or all of them (`all: true`)',
        security,
        body: markReadSchema,
        response: {
          200: z.object({ marked: z.number(), unreadCount: z.number() }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => markNotificationsRead(deps.db, deps, request.actor, request.body),
  );

  app.get(
    '/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your notification settings per kind (in the platform, by email)',
        security,
        response: { 200: preferencesJson, ...errorResponses(401) },
      },
    },
    async (request) => ({ preferences: await getPreferences(deps.db, deps, request.actor) }),
  );

  app.put(
    '/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Replace your notification settings (every kind)',
        security,
        body: preferencesFormSchema,
        response: { 200: preferencesJson, ...errorResponses(400, 401) },
      },
    },
    async (request) => ({ preferences: await savePreferences(deps.db, deps, request.actor, request.body) }),
  );
}
