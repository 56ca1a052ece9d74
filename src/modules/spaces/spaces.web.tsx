import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { safeNextPath, setFlash } from '../../http/context.js';
import { sendDownload } from '../../http/downloads.js';
import { csrfProtected, formBody } from '../../http/forms.js';
import { sendCsvDownload } from '../../http/uploads.js';
import { zipStream } from '../../integrations/zip/zip-writer.js';
import { isAppError } from '../../kernel/errors.js';
import { fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { setTimeZone } from '../identity/account/update-account.js';
import { builderWebRoutes } from './builder.web.js';
import { progressCsv } from './export-progress.js';
import { getItemFile } from './get-item-file.js';
import { getItemPage } from './get-item-page.js';
import { getProgressGrid } from './get-progress-grid.js';
import { getSpaceHome } from './get-space-home.js';
import { markItemDone } from './mark-item-done.js';
import { getOfflinePack } from './offline/get-offline-pack.js';
import { ItemPageView } from './views/item-page.js';
import { ProgressGridPage } from './views/progress-grid-page.js';
import { SpaceHomePage } from './views/space-home-page.js';

type EditionParams = { Params: { editionId: string } };
type ItemParams = { Params: { editionId: string; itemId: string } };

/** The space's pages for participants and staff: home, items, "mark as done", files; then the builder's. */
export function spacesWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<EditionParams>('/spaces/:editionId', { schema: { hide: true } }, async (request, reply) => {
    const home = await getSpaceHome(deps.db, deps, request.actor, request.params.editionId, request.locale);
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
      return sendDownload(reply, {
        contentType: file.contentType,
        fileName: file.fileName,
        body: file.bytes,
      });
    },
  );

  app.get<EditionParams>(
    '/spaces/:editionId/offline.zip',
    { schema: { hide: true } },
    async (request, reply) => {
      const pack = await getOfflinePack(
        deps.db,
        deps,
        request.actor,
        request.params.editionId,
        request.locale,
      );
      return sendDownload(reply, {
        contentType: 'application/zip',
        fileName: pack.fileName,
        body: zipStream(pack.entries),
      });
    },
  );

  app.post('/spaces/time-zone', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    await setTimeZone(deps.db, deps, request.actor, body.timeZone ?? '');
    setFlash(reply, 'spaces.flash.timeZoneSet');
    return reply.redirect(safeNextPath(body.next, '/account'), 303);
  });

  app.get<EditionParams>(
    '/spaces/:editionId/progress',
    { schema: { hide: true } },
    async (request, reply) => {
      const grid = await getProgressGrid(
        deps.db,
        deps,
        request.actor,
        request.params.editionId,
        request.query,
      );
      return sendPage(reply, <ProgressGridPage ctx={pageContext(request, reply)} grid={grid} />);
    },
  );

  app.get<EditionParams>(
    '/spaces/:editionId/progress.csv',
    { schema: { hide: true } },
    async (request, reply) => {
      const { editionId } = request.params;
      const { name, csv } = await progressCsv(
        deps.db,
        deps,
        request.actor,
        editionId,
        request.query,
        request.locale,
      );
      return sendCsvDownload(reply, name, csv);
    },
  );

  builderWebRoutes(app, deps);
}
