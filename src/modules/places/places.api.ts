import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { apiErrorSchema, errorResponses } from '../../http/api-schemas.js';
import { enrolDirectly } from './enrol-directly.js';
import { commitPlacesImport } from './import/commit-places-import.js';
import { previewPlacesImport } from './import/preview-places-import.js';
import { listEditionPlacesFor } from './list-edition-places.js';
import { moveToTopOfWaitingList } from './move-to-top.js';
import { confirmPlace } from './offers/confirm-place.js';
import { declinePlace } from './offers/decline-place.js';
import { listMyPlaces } from './offers/list-my-places.js';
import { requestPlace } from './offers/request-place.js';
import { withdrawPlace } from './offers/withdraw-place.js';
import type { Place } from './place-views.js';
import { FUNDING_KINDS, PLACE_STATUSES } from './places.js';
import {
  declineSchema,
  directEnrolSchema,
  placeRequestSchema,
  placesImportSchema,
} from './places.schemas.js';

const idParams = z.object({ id: z.string().max(64) });
const security = [{ bearerAuth: [] }];
const tags = ['places'];

const placeJson = z.object({
  id: z.string(),
  editionId: z.string(),
  status: z.enum(PLACE_STATUSES),
  funding: z.object({ kind: z.enum(FUNDING_KINDS).nullable(), name: z.string().nullable() }),
  requestedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  waitingListPosition: z.number().nullable(),
});
const myPlaceJson = placeJson.extend({
  course: z.object({ code: z.string(), title: z.record(z.string(), z.string()) }),
  startsOn: z.string(),
  endsOn: z.string(),
  language: z.string(),
  canWithdraw: z.boolean(),
});
const personPlaceJson = placeJson.extend({
  person: z.object({ id: z.string(), fullName: z.string(), email: z.string() }),
});
const countsJson = z.object(
  Object.fromEntries(PLACE_STATUSES.map((s) => [s, z.number()])) as Record<
    (typeof PLACE_STATUSES)[number],
    z.ZodNumber
  >,
);
const editionPlacesJson = z.object({
  editionId: z.string(),
  capacity: z.number().nullable(),
  placesLeft: z.number().nullable(),
  counts: countsJson,
  fundingTotals: z.object({ self: z.number(), sponsor: z.number(), scholarship: z.number() }),
  places: z.array(personPlaceJson),
});
const changedJson = z.object({ editionId: z.string() });
const importJson = z.object({
  rows: z.number(),
  enrolments: z.array(
    z.object({
      line: z.number(),
      email: z.string(),
      edition: z.string(),
      funding: z.string(),
      from: z.string().nullable(),
    }),
  ),
  problems: z.array(
    z.object({ line: z.number(), column: z.string().nullable(), code: z.string(), message: z.string() }),
  ),
});

function presentPlace(p: Place): z.infer<typeof placeJson> {
  return {
    id: p.id,
    editionId: p.editionId,
    status: p.status,
    funding: { kind: p.fundingKind, name: p.fundingName },
    requestedAt: p.requestedAt,
    decidedAt: p.decidedAt,
    declineReason: p.declineReason,
    withdrawnAt: p.withdrawnAt,
    waitingListPosition: p.position,
  };
}

/**
 * /api/v1 places in editions: a person requests, lists and withdraws their own places; programme managers
 * list an edition's places, confirm, decline, reorder the waiting list, enrol directly and in bulk.
 */
export function placesApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/editions/:id/places',
    {
      schema: {
        tags,
        summary: 'Request a place in an edition (the waiting list when it is full)',
        security,
        params: idParams,
        body: placeRequestSchema,
        response: {
          201: z.object({
            id: z.string(),
            status: z.enum(['requested', 'waitlisted']),
            waitingListPosition: z.number().nullable(),
          }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const place = await requestPlace(deps.db, deps, request.actor, request.params.id, request.body);
      return reply
        .status(201)
        .send({ id: place.id, status: place.status, waitingListPosition: place.position });
    },
  );

  app.get(
    '/me/places',
    {
      schema: {
        tags,
        summary: 'Your places: requests, confirmed, waiting list',
        security,
        response: { 200: z.object({ places: z.array(myPlaceJson) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({
      places: (await listMyPlaces(deps.db, deps, request.actor)).map((p) => ({
        ...presentPlace(p),
        course: { code: p.courseCode, title: p.courseTitle as Record<string, string> },
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        language: p.language,
        canWithdraw: p.canWithdraw,
      })),
    }),
  );

  app.post(
    '/places/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a place (yours before the start; managers any)',
        security,
        params: idParams,
        response: { 200: changedJson, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => withdrawPlace(deps.db, deps, request.actor, request.params.id),
  );

  managerApiRoutes(api, deps);
}

function managerApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/editions/:id/places',
    {
      schema: {
        tags,
        summary: "An edition's places with counts and funding totals (managers)",
        security,
        params: idParams,
        response: { 200: editionPlacesJson, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const view = await listEditionPlacesFor(deps.db, deps, request.actor, request.params.id);
      const all = [...view.requests, ...view.confirmed, ...view.waiting, ...view.withdrawn, ...view.declined];
      return {
        editionId: view.edition.id,
        capacity: view.edition.capacity,
        placesLeft: view.placesLeft,
        counts: view.counts,
        fundingTotals: view.funding,
        places: all.map((p) => ({
          ...presentPlace(p),
          person: { id: p.userId, fullName: p.fullName, email: p.email },
        })),
      };
    },
  );

  const action = (
    path: string,
    summary: string,
    run: (
      actor: Parameters<typeof confirmPlace>[2],
      id: string,
      body: unknown,
    ) => Promise<{ editionId: string }>,
    body?: z.ZodType,
  ) =>
    app.post(
      path,
      {
        schema: {
          tags,
          summary,
          security,
          params: idParams,
          ...(body ? { body } : {}),
          response: { 200: changedJson, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => run(request.actor, request.params.id, request.body),
    );
  action('/places/:id/confirm', 'Confirm a request or someone on the waiting list (managers)', (actor, id) =>
    confirmPlace(deps.db, deps, actor, id),
  );
  action(
    '/places/:id/decline',
    'Decline a place with a reason (managers)',
    (actor, id, body) => declinePlace(deps.db, deps, actor, id, body ?? {}),
    declineSchema,
  );
  action('/places/:id/move-to-top', 'Put someone first on the waiting list (managers)', (actor, id) =>
    moveToTopOfWaitingList(deps.db, deps, actor, id),
  );

  app.post(
    '/editions/:id/places/enrol',
    {
      schema: {
        tags,
        summary: 'Enrol a person directly with a confirmed place (managers)',
        security,
        params: idParams,
        body: directEnrolSchema,
        response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await enrolDirectly(deps.db, deps, request.actor, request.params.id, request.body)),
  );

  const importBody = placesImportSchema.extend({ commit: z.boolean().default(false) });
  app.post(
    '/places/import',
    {
      schema: {
        tags,
        summary: 'Bulk enrolment from CSV: a preview, or (commit: true) all or nothing (managers)',
        security,
        body: importBody,
        response: {
          200: importJson,
          ...errorResponses(401, 403),
          400: z.union([importJson, apiErrorSchema]),
        },
      },
    },
    async (request, reply) => {
      const t = request.i18n;
      const check = await previewPlacesImport(deps.db, deps, request.actor, { csv: request.body.csv });
      const body = {
        rows: check.rowCount,
        enrolments: check.planned.map((r) => ({
          line: r.line,
          email: r.email,
          edition: r.edition,
          funding: r.fundingKind,
          from: r.from,
        })),
        problems: check.problems.map((p) => ({
          line: p.line,
          column: p.column,
          code: p.key.split('.').at(-1) ?? p.key,
          message: t.has(p.key) ? t.t(p.key, p.values) : t.t('validation.invalid'),
        })),
      };
      if (check.problems.length) return reply.status(400).send(body);
      if (request.body.commit)
        await commitPlacesImport(deps.db, deps, request.actor, { csv: request.body.csv });
      return body;
    },
  );
}
