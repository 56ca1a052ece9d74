import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.js';
import { errorResponses } from '../../../http/api-schemas.js';
import { verifyUrl } from '../credential-urls.js';
import {
  autoAwardSchema,
  awardDiplomasSchema,
  issuerProfileSchema,
  noteSchema,
  revokeSchema,
  suspendSchema,
} from '../credentials.schemas.js';
import { awardDiploma } from '../issuing/award-diploma.js';
import { awardDiplomas } from '../issuing/award-diplomas.js';
import { setAutoAward } from '../issuing/set-auto-award.js';
import { getIssuerProfile } from '../keys/get-issuer-profile.js';
import { updateIssuerProfile } from '../keys/update-issuer-profile.js';
import { listHolderCredentials } from '../list-holder-credentials.js';
import { reinstateCredential } from '../status/reinstate-credential.js';
import { revokeCredential } from '../status/revoke-credential.js';
import { supersedeCredential } from '../status/supersede-credential.js';
import { suspendCredential } from '../status/suspend-credential.js';
import { getCredentialForVerification } from '../verifying/get-credential-for-verification.js';
import {
  autoAwardJson,
  bulkAwardJson,
  holderCredentialsJson,
  issuedJson,
  issuerProfileJson,
  presentBulkAward,
  presentHolderCredentials,
  statusChangedJson,
  supersededJson,
  verificationViewJson,
} from './credentials-json.js';

const idParams = z.object({ id: z.string().max(64) });
const security = [{ bearerAuth: [] }];
const tags = ['credentials'];

/**
 * /api/v1 credentials: the public verification view, the holder's list, the managers' actions (award,
 * revoke, suspend, reinstate, supersede, automatic award) and the issuer profile. The machine endpoints
 * whose paths standards fix (DID document, status lists, VC-API, OB API, downloads) are in
 * credentials.routes.ts.
 */
export function credentialsApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/credentials/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Public verification view of a credential by id or short code (status, holder, achievement, components)',
        params: idParams,
        response: { 200: verificationViewJson, ...errorResponses(404) },
      },
    },
    async (request) => getCredentialForVerification(deps.db, deps, request.params.id),
  );
  app.get(
    '/me/credentials',
    {
      schema: {
        tags,
        summary: 'Your credentials with their status, downloads and sharing links',
        security,
        response: { 200: holderCredentialsJson, ...errorResponses(401) },
      },
    },
    async (request) => presentHolderCredentials(await listHolderCredentials(deps.db, deps, request.actor)),
  );
  app.get(
    '/people/:id/credentials',
    {
      schema: {
        tags,
        summary: 'A person’s credentials (managers)',
        security,
        params: idParams,
        response: { 200: holderCredentialsJson, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      presentHolderCredentials(
        await listHolderCredentials(deps.db, deps, request.actor, { userId: request.params.id }),
      ),
  );

  statusRoutes(api, deps);
  awardRoutes(api, deps);

  app.get(
    '/issuer',
    {
      config: { public: true },
      schema: { tags, summary: 'The issuer profile', response: { 200: issuerProfileJson } },
    },
    async () => getIssuerProfile(deps.db, deps),
  );
  app.put(
    '/issuer',
    {
      schema: {
        tags,
        summary: 'Set the issuer profile (administrators)',
        security,
        body: issuerProfileSchema,
        response: { 200: issuerProfileJson, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => updateIssuerProfile(deps.db, deps, request.actor, request.body),
  );
}

function statusRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const schema = (summary: string, body: z.ZodType) => ({
    tags,
    summary,
    security,
    params: idParams,
    body,
    response: { 200: statusChangedJson, ...errorResponses(400, 401, 403, 404, 409) },
  });
  app.post(
    '/credentials/:id/revoke',
    { schema: schema('Revoke a credential, with a reason category and a note (managers)', revokeSchema) },
    async (request) => revokeCredential(deps.db, deps, request.actor, request.params.id, request.body),
  );
  app.post(
    '/credentials/:id/suspend',
    { schema: schema('Suspend a credential, with a reason category and a note (managers)', suspendSchema) },
    async (request) => suspendCredential(deps.db, deps, request.actor, request.params.id, request.body),
  );
  app.post(
    '/credentials/:id/reinstate',
    { schema: schema('Lift a suspension, with a note (managers)', noteSchema) },
    async (request) => reinstateCredential(deps.db, deps, request.actor, request.params.id, request.body),
  );
  app.post(
    '/credentials/:id/supersede',
    {
      schema: {
        ...schema(
          'Correct a credential: issue a new one and revoke this one as superseded (managers)',
          noteSchema,
        ),
        response: { 201: supersededJson, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const issued = await supersedeCredential(deps.db, deps, request.actor, request.params.id, request.body);
      return reply.status(201).send({ ...issued, verifyUrl: verifyUrl(deps.config.baseUrl, issued.id) });
    },
  );
}

function awardRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/candidates/:id/diploma',
    {
      schema: {
        tags,
        summary: 'Award the diploma of a candidate the pathway says is awardable (managers)',
        security,
        params: idParams,
        response: { 201: issuedJson, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const issued = await awardDiploma(deps.db, deps, request.actor, request.params.id);
      return reply.status(201).send({ ...issued, verifyUrl: verifyUrl(deps.config.baseUrl, issued.id) });
    },
  );
  app.post(
    '/diplomas',
    {
      schema: {
        tags,
        summary:
          'Award the diplomas of several candidates (the ready list); each is awarded or refused with a reason',
        security,
        body: awardDiplomasSchema,
        response: { 200: bulkAwardJson, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      presentBulkAward(request.i18n, await awardDiplomas(deps.db, deps, request.actor, request.body)),
  );
  app.put(
    '/programmes/:slug/auto-award',
    {
      schema: {
        tags,
        summary: 'Set whether a programme awards its diplomas automatically (managers)',
        security,
        params: z.object({ slug: z.string().max(80) }),
        body: autoAwardSchema,
        response: { 200: autoAwardJson, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => setAutoAward(deps.db, deps, request.actor, request.params.slug, request.body),
  );
}
