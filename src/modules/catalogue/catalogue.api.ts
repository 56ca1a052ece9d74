import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/api-schemas.js';
import { catalogueQuerySchema, courseSchema, editionSchema } from './catalogue.schemas.js';
import type { Course, Edition } from './course.js';
import { getCourse } from './get-course.js';
import { getEdition } from './get-edition.js';
import { createCourse, updateCourse } from './save-course.js';
import { createEdition, updateEdition } from './save-edition.js';
import { searchCatalogue } from './search-catalogue.js';
import { setCourseStatus } from './set-course-status.js';

const localized = z.record(z.string(), z.string());

const courseJson = z.object({
  id: z.string(),
  code: z.string(),
  title: localized,
  summary: localized,
  description: localized,
  learningHours: z.number(),
  credentialOnSuccess: z.string(),
  status: z.string(),
  themes: z.array(z.string()),
  programmes: z.array(z.object({ slug: z.string(), role: z.string() })),
  countsAs: z.array(z.string()),
  countedBy: z.array(z.string()),
  updatedAt: z.string(),
});

const editionJson = z.object({
  id: z.string(),
  course: z.string(),
  code: z.string().nullable(),
  language: z.string(),
  mode: z.string(),
  place: localized,
  startsOn: z.string(),
  endsOn: z.string(),
  selfPacedStart: z.string().nullable(),
  selfPacedEnd: z.string().nullable(),
  liveStart: z.string().nullable(),
  liveEnd: z.string().nullable(),
  residentialStart: z.string().nullable(),
  residentialEnd: z.string().nullable(),
  assignmentDue: z.string().nullable(),
  capacity: z.number().nullable(),
  registrationOpen: z.boolean(),
  registrationDeadline: z.string().nullable(),
  fee: z.object({ amountMinor: z.number(), currency: z.string() }).nullable(),
  status: z.string(),
  facilitators: z.array(z.object({ id: z.string(), fullName: z.string() })),
});

/** The JSON shape of a course. */
export function presentCourse(c: Course): z.infer<typeof courseJson> {
  return {
    id: c.id,
    code: c.code,
    title: c.title as Record<string, string>,
    summary: c.summary as Record<string, string>,
    description: c.description as Record<string, string>,
    learningHours: c.learningHours,
    credentialOnSuccess: c.credentialOnSuccess,
    status: c.status,
    themes: c.themes.map((t) => t.slug),
    programmes: c.programmes.map((p) => ({ slug: p.programmeSlug, role: p.role })),
    countsAs: c.countsAs,
    countedBy: c.countedBy,
    updatedAt: c.updatedAt,
  };
}

/** The JSON shape of an edition (the fee in minor units with its currency). */
export function presentEdition(e: Edition): z.infer<typeof editionJson> {
  return {
    id: e.id,
    course: e.courseCode,
    code: e.code,
    language: e.language,
    mode: e.mode,
    place: e.place as Record<string, string>,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    selfPacedStart: e.selfPacedStart,
    selfPacedEnd: e.selfPacedEnd,
    liveStart: e.liveStart,
    liveEnd: e.liveEnd,
    residentialStart: e.residentialStart,
    residentialEnd: e.residentialEnd,
    assignmentDue: e.assignmentDue,
    capacity: e.capacity,
    registrationOpen: e.registrationOpen,
    registrationDeadline: e.registrationDeadline,
    fee: e.feeAmount !== null && e.feeCurrency ? { amountMinor: e.feeAmount, currency: e.feeCurrency } : null,
    status: e.status,
    facilitators: e.facilitators,
  };
}

const codeParams = z.object({ code: z.string().max(32) });
const idParams = z.object({ id: z.string().max(64) });
const security = [{ bearerAuth: [] }];

/** /api/v1 catalogue: public reads; programme managers create and change courses and editions. */
export function catalogueApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/courses',
    {
      config: { public: true },
      schema: {
        tags: ['catalogue'],
        summary: 'Search the catalogue',
        querystring: catalogueQuerySchema,
        response: {
          200: z.object({
            courses: z.array(courseJson.extend({ editions: z.array(editionJson), moreEditions: z.number() })),
            total: z.number(),
            page: z.number(),
            pageCount: z.number(),
          }),
          ...errorResponses(400),
        },
      },
    },
    async (request) => {
      const result = await searchCatalogue(deps.db, deps, request.actor, request.query);
      return {
        courses: result.entries.map((e) => ({
          ...presentCourse(e.course),
          editions: e.editions.map(presentEdition),
          moreEditions: e.moreEditions,
        })),
        total: result.total,
        page: result.page,
        pageCount: result.pageCount,
      };
    },
  );

  app.post(
    '/courses',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Create a course (managers)',
        security,
        body: courseSchema,
        response: { 201: courseJson, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentCourse(await createCourse(deps.db, deps, request.actor, request.body))),
  );

  app.get(
    '/courses/:code',
    {
      config: { public: true },
      schema: {
        tags: ['catalogue'],
        summary: 'A course with its editions',
        params: codeParams,
        response: {
          200: courseJson.extend({ editions: z.array(editionJson), can: z.object({ manage: z.boolean() }) }),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const detail = await getCourse(deps.db, deps, request.actor, request.params.code);
      return {
        ...presentCourse(detail.course),
        editions: [...detail.upcoming, ...detail.past].map(presentEdition),
        can: detail.can,
      };
    },
  );

  app.put(
    '/courses/:code',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Replace a course (managers)',
        security,
        params: codeParams,
        body: courseSchema,
        response: { 200: courseJson, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentCourse(await updateCourse(deps.db, deps, request.actor, request.params.code, request.body)),
  );

  for (const [action, status] of [
    ['retire', 'retired'],
    ['reactivate', 'active'],
  ] as const) {
    app.post(
      `/courses/:code/${action}`,
      {
        schema: {
          tags: ['catalogue'],
          summary: `${action === 'retire' ? 'Retire' : 'Reactivate'} a course (managers)`,
          security,
          params: codeParams,
          response: { 204: z.null(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        await setCourseStatus(deps.db, deps, request.actor, request.params.code, status);
        return reply.status(204).send(null);
      },
    );
  }

  app.post(
    '/courses/:code/editions',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Add an edition to a course (managers)',
        security,
        params: codeParams,
        body: editionSchema,
        response: { 201: editionJson, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentEdition(
            await createEdition(deps.db, deps, request.actor, request.params.code, request.body),
          ),
        ),
  );

  app.get(
    '/editions/:id',
    {
      config: { public: true },
      schema: {
        tags: ['catalogue'],
        summary: 'An edition',
        params: idParams,
        response: {
          200: editionJson.extend({ can: z.object({ manage: z.boolean(), teach: z.boolean() }) }),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const { edition, can } = await getEdition(deps.db, deps, request.actor, request.params.id);
      return { ...presentEdition(edition), can };
    },
  );

  app.put(
    '/editions/:id',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Replace an edition (managers)',
        security,
        params: idParams,
        body: editionSchema,
        response: { 200: editionJson, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentEdition(await updateEdition(deps.db, deps, request.actor, request.params.id, request.body)),
  );
}
