import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/api-schemas.js';
import type { Account } from './account/account.js';
import { getOwnAccount, updateProfile } from './account/update-account.js';
import { createTokenSchema, peopleQuerySchema, profileSchema, setRolesSchema } from './identity.schemas.js';
import { getPerson, listPeople, setRoles } from './people.js';
import { createApiToken, listOwnApiTokens, revokeApiToken } from './sign-in/api-tokens.js';

const accountJson = z.object({
  id: z.string(),
  email: z.string(),
  fullName: z.string(),
  preferredLocale: z.string(),
  emailConfirmed: z.boolean(),
  country: z.string().nullable(),
  constituency: z.string().nullable(),
  organisation: z.string().nullable(),
  jobTitle: z.string().nullable(),
  learningLanguages: z.array(z.string()),
  timeZone: z.string().nullable(),
  roles: z.array(z.string()),
  createdAt: z.string(),
});

const tokenJson = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** The JSON shape of an account (no secrets, no internal flags). */
export function presentAccount(a: Account): z.infer<typeof accountJson> {
  return {
    id: a.id,
    email: a.email,
    fullName: a.fullName,
    preferredLocale: a.preferredLocale,
    emailConfirmed: a.emailConfirmed,
    country: a.country,
    constituency: a.constituency,
    organisation: a.organisation,
    jobTitle: a.jobTitle,
    learningLanguages: a.learningLanguages,
    timeZone: a.timeZone,
    roles: a.roles,
    createdAt: a.createdAt,
  };
}

const idParams = z.object({ id: z.string().max(64) });
const security = [{ bearerAuth: [] }];

/** /api/v1: one's own account and API tokens; people and roles for administrators. */
export function identityApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/me',
    {
      schema: {
        tags: ['account'],
        summary: 'Your account',
        security,
        response: { 200: accountJson, ...errorResponses(401) },
      },
    },
    async (request) => presentAccount(await getOwnAccount(deps.db, deps, request.actor)),
  );

  app.put(
    '/me',
    {
      schema: {
        tags: ['account'],
        summary: 'Replace your profile (name, language, country, constituency, organisation, job title)',
        security,
        body: profileSchema,
        response: { 200: accountJson, ...errorResponses(400, 401) },
      },
    },
    async (request) => presentAccount(await updateProfile(deps.db, deps, request.actor, request.body)),
  );

  app.get(
    '/me/tokens',
    {
      schema: {
        tags: ['account'],
        summary: 'Your personal API tokens',
        security,
        response: { 200: z.object({ tokens: z.array(tokenJson) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ tokens: await listOwnApiTokens(deps.db, deps, request.actor) }),
  );

  app.post(
    '/me/tokens',
    {
      schema: {
        tags: ['account'],
        summary: 'Create a personal API token (the secret is returned once)',
        security,
        body: createTokenSchema,
        response: { 201: z.object({ token: z.string(), summary: tokenJson }), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiToken(deps.db, deps, request.actor, request.body)),
  );

  app.delete(
    '/me/tokens/:id',
    {
      schema: {
        tags: ['account'],
        summary: 'Revoke one of your tokens',
        security,
        params: idParams,
        response: { 204: z.null(), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await revokeApiToken(deps.db, deps, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Search people (administrators, managers)',
        security,
        querystring: peopleQuerySchema,
        response: {
          200: z.object({
            people: z.array(accountJson),
            total: z.number(),
            page: z.number(),
            pageCount: z.number(),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const result = await listPeople(deps.db, deps, request.actor, request.query);
      return {
        people: result.people.map(presentAccount),
        total: result.total,
        page: result.page,
        pageCount: result.pageCount,
      };
    },
  );

  app.get(
    '/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'One person',
        security,
        params: idParams,
        response: { 200: accountJson, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      presentAccount((await getPerson(deps.db, deps, request.actor, request.params.id)).person),
  );

  app.put(
    '/people/:id/roles',
    {
      schema: {
        tags: ['people'],
        summary: "Set a person's roles (administrators)",
        security,
        params: idParams,
        body: setRolesSchema,
        response: {
          200: z.object({ roles: z.array(z.string()) }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => ({
      roles: await setRoles(deps.db, deps, request.actor, request.params.id, request.body),
    }),
  );
}
