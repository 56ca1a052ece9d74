import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, echoValues, formBody } from '../../http/forms.js';
import { sendCsvDownload } from '../../http/uploads.js';
import { isAppError } from '../../kernel/errors.js';
import { type FieldMessages, fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { enrolDirectly } from './enrol-directly.js';
import { placesCsv } from './export-places.js';
import { findPlaceEdition } from './find-place-edition.js';
import { commitPlacesImport } from './import/commit-places-import.js';
import { previewPlacesImport } from './import/preview-places-import.js';
import { listEditionPlacesFor } from './list-edition-places.js';
import { moveToTopOfWaitingList } from './move-to-top.js';
import { confirmPlace } from './offers/confirm-place.js';
import { declinePlace } from './offers/decline-place.js';
import { getPlaceOffer } from './offers/get-place-offer.js';
import { listMyPlaces } from './offers/list-my-places.js';
import { requestPlace } from './offers/request-place.js';
import { withdrawPlace } from './offers/withdraw-place.js';
import { EditionPlacesPage } from './views/edition-places-page.js';
import { MyPlacesPage } from './views/my-places-page.js';
import { PlacesImportPage } from './views/places-import-page.js';
import { RequestPlacePage } from './views/request-page.js';

type IdParams = { Params: { id: string } };

/**
 * Runs a form's use case; a refusal that names its reasons (invalid input, a state that forbids it) is
 * shown on the form's page with its status; anything else goes to the error handler.
 */
async function runForm(
  request: FastifyRequest,
  run: () => Promise<FastifyReply>,
  renderRefused: (errors: FieldMessages, status: number) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if ((isAppError(error, 'validation_failed') || isAppError(error, 'invalid_state')) && error.fields.length)
      return renderRefused(fieldMessages(request.i18n, error.fields), error.status);
    throw error;
  }
}

/** Participants' pages (request a place, my places) and the managers' places pages. */
export function placesWebRoutes(app: FastifyInstance, deps: Deps): void {
  const showRequest = async (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    status = 200,
    extra: { values?: Record<string, string>; errors?: FieldMessages } = {},
  ) => {
    const offer = await getPlaceOffer(deps.db, deps, request.actor, request.params.id, request.locale);
    return sendPage(
      reply,
      <RequestPlacePage ctx={pageContext(request, reply)} offer={offer} {...extra} />,
      status,
    );
  };

  app.get<IdParams>('/editions/:id/place', { schema: { hide: true } }, async (request, reply) =>
    showRequest(request, reply),
  );

  app.post<IdParams>('/editions/:id/place', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return runForm(
      request,
      async () => {
        const place = await requestPlace(deps.db, deps, request.actor, request.params.id, body);
        setFlash(reply, place.status === 'waitlisted' ? 'places.flash.waitlisted' : 'places.flash.requested');
        return reply.redirect('/my/places', 303);
      },
      (errors, status) => showRequest(request, reply, status, { values: echoValues(body), errors }),
    );
  });

  const showMine = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    errors?: FieldMessages,
  ) => {
    const places = await listMyPlaces(deps.db, deps, request.actor);
    return sendPage(
      reply,
      <MyPlacesPage ctx={pageContext(request, reply)} places={places} {...(errors ? { errors } : {})} />,
      status,
    );
  };

  app.get('/my/places', { schema: { hide: true } }, async (request, reply) => showMine(request, reply));

  app.post<IdParams>('/my/places/:id/withdraw', csrfProtected(app), async (request, reply) =>
    runForm(
      request,
      async () => {
        await withdrawPlace(deps.db, deps, request.actor, request.params.id);
        setFlash(reply, 'places.flash.withdrawn');
        return reply.redirect('/my/places', 303);
      },
      (errors, status) => showMine(request, reply, status, errors),
    ),
  );

  managerRoutes(app, deps);
  importRoutes(app, deps);
}

function managerRoutes(app: FastifyInstance, deps: Deps): void {
  const showPlaces = async (
    request: FastifyRequest,
    reply: FastifyReply,
    editionId: string,
    status = 200,
    extra: { enrolValues?: Record<string, string>; errors?: FieldMessages } = {},
  ) => {
    const view = await listEditionPlacesFor(deps.db, deps, request.actor, editionId);
    return sendPage(
      reply,
      <EditionPlacesPage ctx={pageContext(request, reply)} view={view} {...extra} />,
      status,
    );
  };

  app.get<IdParams>('/manage/editions/:id/places', { schema: { hide: true } }, async (request, reply) =>
    showPlaces(request, reply, request.params.id),
  );

  app.get<IdParams>('/manage/editions/:id/places.csv', { schema: { hide: true } }, async (request, reply) => {
    const { name, csv } = await placesCsv(deps.db, deps, request.actor, request.params.id);
    return sendCsvDownload(reply, name, csv);
  });

  app.post<IdParams>('/manage/editions/:id/places/enrol', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return runForm(
      request,
      async () => {
        await enrolDirectly(deps.db, deps, request.actor, request.params.id, body);
        setFlash(reply, 'places.flash.enrolled');
        return reply.redirect(`/manage/editions/${request.params.id}/places`, 303);
      },
      (errors, status) =>
        showPlaces(request, reply, request.params.id, status, { enrolValues: echoValues(body), errors }),
    );
  });

  const actions = {
    confirm: (request: FastifyRequest<IdParams>) =>
      confirmPlace(deps.db, deps, request.actor, request.params.id),
    decline: (request: FastifyRequest<IdParams>) =>
      declinePlace(deps.db, deps, request.actor, request.params.id, formBody(request)),
    top: (request: FastifyRequest<IdParams>) =>
      moveToTopOfWaitingList(deps.db, deps, request.actor, request.params.id),
    // Managers only here (the route's declared access; a participant withdraws from "My places").
    withdraw: (request: FastifyRequest<IdParams>) =>
      withdrawPlace(deps.db, deps, request.actor, request.params.id),
  };
  for (const [name, run] of Object.entries(actions)) {
    app.post<IdParams>(`/manage/places/:id/${name}`, csrfProtected(app), async (request, reply) => {
      try {
        const { editionId } = await run(request);
        setFlash(reply, `places.flash.${name}`);
        return reply.redirect(`/manage/editions/${editionId}/places`, 303);
      } catch (error) {
        if (isAppError(error, 'invalid_state') && error.fields.length) {
          const editionId = await findPlaceEdition(deps.db, deps, request.actor, request.params.id);
          return showPlaces(request, reply, editionId, error.status, {
            errors: fieldMessages(request.i18n, error.fields),
          });
        }
        throw error;
      }
    });
  }
}

function importRoutes(app: FastifyInstance, deps: Deps): void {
  // Managers only: the route's declared access (places.module.ts) refuses everyone else.
  app.get('/manage/places/import', { schema: { hide: true } }, async (request, reply) => {
    return sendPage(reply, <PlacesImportPage ctx={pageContext(request, reply)} />);
  });

  app.post('/manage/places/import', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    const csv = typeof body.csv === 'string' ? body.csv : '';
    return runForm(
      request,
      async () => {
        const check = await previewPlacesImport(deps.db, deps, request.actor, body);
        const status = check.problems.length ? 400 : 200;
        return sendPage(
          reply,
          <PlacesImportPage ctx={pageContext(request, reply)} csv={csv} check={check} />,
          status,
        );
      },
      async (errors, status) =>
        sendPage(
          reply,
          <PlacesImportPage ctx={pageContext(request, reply)} csv={csv} errors={errors} />,
          status,
        ),
    );
  });

  app.post('/manage/places/import/commit', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    const csv = typeof body.csv === 'string' ? body.csv : '';
    return runForm(
      request,
      async () => {
        await commitPlacesImport(deps.db, deps, request.actor, body);
        setFlash(reply, 'places.flash.imported');
        return reply.redirect('/manage/places/import', 303);
      },
      async (errors, status) =>
        sendPage(
          reply,
          <PlacesImportPage ctx={pageContext(request, reply)} csv={csv} errors={errors} />,
          status,
        ),
    );
  });
}
