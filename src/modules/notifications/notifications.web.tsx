import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, formBody } from '../../http/forms.js';
import { parseInput } from '../../kernel/validation.js';
import { pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { notificationKinds } from './kinds.js';
import { listNotifications } from './list-notifications.js';
import { markNotificationsRead, openNotification } from './mark-notifications-read.js';
import { listQuerySchema } from './notifications.schemas.js';
import { getPreferences } from './preferences.js';
import { savePreferences } from './save-preferences.js';
import { NotificationsPage } from './views/notifications-page.js';
import { PreferencesPage } from './views/preferences-page.js';

/** The preferences form's checkboxes as the use case's input (an unchecked box is absent: off). */
function preferencesFromForm(kinds: readonly string[], body: Record<string, unknown>) {
  return {
    preferences: kinds.map((kind) => ({
      kind,
      inApp: body[`${kind}.inApp`] !== undefined,
      email: body[`${kind}.email`] !== undefined,
    })),
  };
}

/** The bell's page (list, open, mark all read) and the notification settings. */
export function notificationsWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/notifications', { schema: { hide: true } }, async (request, reply) => {
    const query = parseInput(listQuerySchema, request.query);
    const page = await listNotifications(deps.db, deps, request.actor, { page: query.page });
    return sendPage(reply, <NotificationsPage ctx={pageContext(request, reply)} page={page} />);
  });

  app.post<{ Params: { id: string } }>(
    '/notifications/:id/open',
    csrfProtected(app),
    async (request, reply) => {
      const path = await openNotification(deps.db, deps, request.actor, request.params.id);
      return reply.redirect(path, 303);
    },
  );

  app.post('/notifications/read-all', csrfProtected(app), async (request, reply) => {
    await markNotificationsRead(deps.db, deps, request.actor, { all: true });
    setFlash(reply, 'notifications.flash.allRead');
    return reply.redirect('/notifications', 303);
  });

  app.get('/account/notifications', { schema: { hide: true } }, async (request, reply) => {
    const preferences = await getPreferences(deps.db, deps, request.actor);
    return sendPage(reply, <PreferencesPage ctx={pageContext(request, reply)} preferences={preferences} />);
  });

  app.post('/account/notifications', csrfProtected(app), async (request, reply) => {
    await savePreferences(
      deps.db,
      deps,
      request.actor,
      preferencesFromForm([...notificationKinds(deps.modules).keys()], formBody(request)),
    );
    setFlash(reply, 'notifications.flash.preferencesSaved');
    return reply.redirect('/account/notifications', 303);
  });
}
