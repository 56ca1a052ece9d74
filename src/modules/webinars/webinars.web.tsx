import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { sendDownload } from '../../http/downloads.js';
import { csrfProtected, formBody } from '../../http/forms.js';
import { readMultipartUpload, uploadedFile } from '../../http/uploads.js';
import { isAppError } from '../../kernel/errors.js';
import { fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { addMaterial } from './add-material.js';
import { getCalendarFeed, renewCalendarFeed, revokeCalendarFeed } from './calendar-token.js';
import { fetchFromBbb } from './fetch-from-bbb.js';
import { getEditionCalendar, getPersonalCalendar, getSessionCalendar } from './get-calendars.js';
import { getMaterialFile } from './get-material-file.js';
import { getWebinarManagement } from './get-webinar-management.js';
import { attendanceText, importAttendance, previewAttendanceImport } from './import-attendance.js';
import { joinWebinar } from './join-webinar.js';
import { removeMaterial } from './remove-material.js';
import { saveAttendance } from './save-attendance.js';
import { CalendarPage } from './views/calendar-page.js';
import { ManagePage } from './views/manage-page.js';
import { webinarAccess } from './webinar-access.js';
import { etagMatches } from './webinar-calendar.js';

type ItemParams = { Params: { itemId: string } };
type MaterialParams = { Params: { itemId: string; materialId: string } };

function sendCalendar(reply: FastifyReply, text: string, fileName: string | null) {
  reply
    .type('text/calendar; charset=utf-8')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=300');
  if (fileName) reply.header('content-disposition', `attachment; filename="${fileName}"`);
  return reply.send(text);
}

/** Webinars' pages: join, add to calendar, the staff page (attendance, materials), the calendar feeds. */
export function webinarsWebRoutes(app: FastifyInstance, deps: Deps): void {
  const itemPath = async (request: FastifyRequest<ItemParams>) => {
    const access = await webinarAccess(deps.db, request.actor, request.params.itemId);
    return `/spaces/${access.item.editionId}/items/${access.item.id}`;
  };
  const manageHome = (itemId: string) => `/webinars/${itemId}/manage`;

  const showManage = async (
    request: FastifyRequest<ItemParams>,
    reply: FastifyReply,
    status = 200,
    extra: Partial<Parameters<typeof ManagePage>[0]> = {},
  ) => {
    const page = await getWebinarManagement(deps.db, deps, request.actor, request.params.itemId);
    return sendPage(reply, <ManagePage ctx={pageContext(request, reply)} page={page} {...extra} />, status);
  };

  /** Runs a staff form: field problems re-show the page with them; success flashes and goes back. */
  const staffForm = async (
    request: FastifyRequest<ItemParams>,
    reply: FastifyReply,
    work: () => Promise<unknown>,
    flash: string,
  ) => {
    try {
      await work();
    } catch (error) {
      if (
        isAppError(error) &&
        error.fields.length &&
        (error.code === 'validation_failed' || error.code === 'invalid_state')
      )
        return showManage(request, reply, error.status, {
          errors: fieldMessages(request.i18n, error.fields),
        });
      throw error;
    }
    setFlash(reply, flash);
    return reply.redirect(manageHome(request.params.itemId), 303);
  };

  app.get<ItemParams>('/webinars/:itemId/join', { schema: { hide: true } }, async (request, reply) => {
    try {
      const { url } = await joinWebinar(deps.db, deps, request.actor, request.params.itemId);
      return reply.header('cache-control', 'no-store').redirect(url, 303);
    } catch (error) {
      if (!isAppError(error, 'invalid_state') || !error.fields[0]) throw error;
      setFlash(reply, error.fields[0].key);
      return reply.redirect(await itemPath(request), 303);
    }
  });

  app.get<ItemParams>(
    '/webinars/:itemId/calendar.ics',
    { schema: { hide: true } },
    async (request, reply) => {
      const file = await getSessionCalendar(
        deps.db,
        deps,
        request.actor,
        request.params.itemId,
        request.locale,
      );
      return sendCalendar(reply, file.text, file.fileName);
    },
  );

  app.get<ItemParams>('/webinars/:itemId/manage', { schema: { hide: true } }, (request, reply) =>
    showManage(request, reply),
  );

  app.post<ItemParams>('/webinars/:itemId/attendance', csrfProtected(app), (request, reply) =>
    staffForm(
      request,
      reply,
      () => saveAttendance(deps.db, deps, request.actor, request.params.itemId, formBody(request)),
      'webinars.flash.attendanceSaved',
    ),
  );

  const uploadForm = { preValidation: [readMultipartUpload, app.csrfProtection], schema: { hide: true } };

  app.post<ItemParams>('/webinars/:itemId/attendance/preview', uploadForm, async (request, reply) => {
    try {
      const csv = attendanceText(uploadedFile(request).bytes);
      const result = await previewAttendanceImport(deps.db, request.actor, request.params.itemId, csv);
      return showManage(request, reply, 200, { preview: { result, csv } });
    } catch (error) {
      if (isAppError(error, 'validation_failed'))
        return showManage(request, reply, error.status, {
          errors: fieldMessages(request.i18n, error.fields),
        });
      throw error;
    }
  });

  app.post<ItemParams>('/webinars/:itemId/attendance/import', csrfProtected(app), async (request, reply) => {
    const csv = String(formBody(request).csv ?? '');
    try {
      await importAttendance(deps.db, deps, request.actor, request.params.itemId, csv);
    } catch (error) {
      if (!isAppError(error, 'validation_failed')) throw error;
      const result = await previewAttendanceImport(deps.db, request.actor, request.params.itemId, csv);
      return showManage(request, reply, error.status, {
        preview: { result, csv },
        errors: fieldMessages(request.i18n, error.fields),
      });
    }
    setFlash(reply, 'webinars.flash.imported');
    return reply.redirect(manageHome(request.params.itemId), 303);
  });

  app.post<ItemParams>('/webinars/:itemId/bbb', csrfProtected(app), (request, reply) =>
    staffForm(
      request,
      reply,
      () => fetchFromBbb(deps.db, deps, request.actor, request.params.itemId),
      'webinars.flash.fetched',
    ),
  );

  app.post<ItemParams>('/webinars/:itemId/materials', uploadForm, (request, reply) =>
    staffForm(
      request,
      reply,
      async () => {
        let file: { fileName: string; bytes: Uint8Array } | null = null;
        try {
          const upload = uploadedFile(request);
          file = { fileName: upload.fileName ?? 'file', bytes: upload.bytes };
        } catch (error) {
          if (!isAppError(error, 'validation_failed')) throw error;
        }
        return addMaterial(deps.db, deps, request.actor, request.params.itemId, formBody(request), file);
      },
      'webinars.flash.materialAdded',
    ),
  );

  app.post<MaterialParams>(
    '/webinars/:itemId/materials/:materialId/remove',
    csrfProtected(app),
    async (request, reply) => {
      await removeMaterial(deps.db, deps, request.actor, request.params.itemId, request.params.materialId);
      setFlash(reply, 'webinars.flash.materialRemoved');
      return reply.redirect(manageHome(request.params.itemId), 303);
    },
  );

  app.get<MaterialParams>(
    '/webinars/:itemId/materials/:materialId',
    { schema: { hide: true } },
    async (request, reply) => {
      const file = await getMaterialFile(
        deps.db,
        deps,
        request.actor,
        request.params.itemId,
        request.params.materialId,
      );
      return sendDownload(reply, {
        contentType: file.contentType,
        fileName: file.fileName,
        body: file.bytes,
      });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/editions/:id/calendar.ics',
    { schema: { hide: true } },
    async (request, reply) => {
      const file = await getEditionCalendar(deps.db, deps, request.params.id, request.locale);
      // A calendar that polls the feed gets 304 until a webinar or the edition changes (RFC 9110, 13.1.2).
      reply.header('etag', file.etag);
      if (etagMatches(request.headers['if-none-match'], file.etag))
        return reply.code(304).header('cache-control', 'private, max-age=300').send();
      return sendCalendar(reply, file.text, null);
    },
  );

  app.get<{ Params: { token: string } }>(
    '/calendars/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      const token = request.params.token.replace(/\.ics$/, '');
      const text = await getPersonalCalendar(deps.db, deps, token);
      return sendCalendar(reply, text, null);
    },
  );

  app.get('/account/calendar', { schema: { hide: true } }, async (request, reply) => {
    const feed = await getCalendarFeed(deps.db, deps, request.actor);
    return sendPage(reply, <CalendarPage ctx={pageContext(request, reply)} url={feed.url} />);
  });

  app.post('/account/calendar/renew', csrfProtected(app), async (request, reply) => {
    await renewCalendarFeed(deps.db, deps, request.actor);
    setFlash(reply, 'webinars.flash.feedRenewed');
    return reply.redirect('/account/calendar', 303);
  });

  app.post('/account/calendar/revoke', csrfProtected(app), async (request, reply) => {
    await revokeCalendarFeed(deps.db, deps, request.actor);
    setFlash(reply, 'webinars.flash.feedRevoked');
    return reply.redirect('/account/calendar', 303);
  });
}
