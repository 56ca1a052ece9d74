import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { safeNextPath, setFlash } from '../../http/context.js';
import { csrfProtected, formBody } from '../../http/forms.js';
import { isAppError } from '../../kernel/errors.js';
import { fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { setTimeZone } from '../identity/update-account.js';
import { builderWebRoutes } from './builder.web.js';
import { getItemFile } from './get-item-file.js';
import { getItemPage } from './get-item-page.js';
import { getSpaceHome } from './get-space-home.js';
import { markItemDone } from './mark-item-done.js';
import { ItemPageView } from './views/item-page.js';
import { SpaceHomePage } from './views/space-home-page.js';

type EditionParams = { Params: { editionId: string } };
type ItemParams = { Params: { editionId: string; itemId: string } };

/** The space's pages for participants and staff: home, items, "mark as done", files; then the builder's. */
export function spacesWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<EditionParams>('/spaces/:editionId', { schema: { hide: true } }, async (request, reply) => {
    const home = await getSpaceHome(deps.db, deps, request.actor, request.params.editionId);
    return sendPage(reply, <SpaceHomePage ctx={pageContext(request, reply)} home={home} />);
  });

  const showItem = async (
    request: FastifyRequest<ItemParams>,
    reply: FastifyReply,
    status = 200,
    errors = {},
  ) => {
    const { editionId, itemId } = request.params;
    const page = await getItemPage(deps.db, deps, request.actor, editionId, itemId, request.locale);
    return sendPage(
      reply,
      <ItemPageView ctx={pageContext(request, reply)} page={page} errors={errors} />,
      status,
    );
  };

  app.get<ItemParams>('/spaces/:editionId/items/:itemId', { schema: { hide: true } }, (request, reply) =>
    showItem(request, reply),
  );

  app.post<ItemParams>(
    '/spaces/:editionId/items/:itemId/done',
    csrfProtected(app),
    async (request, reply) => {
      const { editionId, itemId } = request.params;
      try {
        await markItemDone(deps.db, deps, request.actor, editionId, itemId);
      } catch (error) {
        if (isAppError(error, 'invalid_state') && error.fields.length)
          return showItem(request, reply, error.status, fieldMessages(request.i18n, error.fields));
        throw error;
      }
      setFlash(reply, 'spaces.flash.markedDone');
      return reply.redirect(`/spaces/${editionId}/items/${itemId}`, 303);
    },
  );

  app.get<ItemParams>(
    '/spaces/:editionId/items/:itemId/file',
    { schema: { hide: true } },
    async (request, reply) => {
      const { editionId, itemId } = request.params;
      const file = await getItemFile(deps.db, deps, request.actor, editionId, itemId);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.bytes));
    },
  );

  app.post('/spaces/time-zone', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    await setTimeZone(deps.db, deps, request.actor, body.timeZone ?? '');
    setFlash(reply, 'spaces.flash.timeZoneSet');
    return reply.redirect(safeNextPath(body.next, '/account'), 303);
  });

  builderWebRoutes(app, deps);
}
