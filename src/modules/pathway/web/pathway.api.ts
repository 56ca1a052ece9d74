import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.js';
import { errorResponses } from '../../../http/api-schemas.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { getCandidate } from '../candidates/get-candidate.js';
import { getMyPathways } from '../candidates/get-my-pathways.js';
import { listCandidates } from '../candidates/list-candidates.js';
import { grantExtension } from '../grant-extension.js';
import { moveCandidateToRuleVersion } from '../move-rule-version.js';
import {
  candidateListQuerySchema,
  capstoneStatusSchema,
  classResultsSchema,
  enrolSchema,
  extensionSchema,
  moveVersionSchema,
  registerCandidateSchema,
  resultSchema,
  ruleVersionSchema,
  withdrawSchema,
} from '../pathway.schemas.js';
import { getClassList, recordClassResults, recordResult } from '../record-result.js';
import { registerCandidate } from '../register-candidate.js';
import { createRuleVersion, listRuleVersions } from '../rule-versions.js';
import { setCapstoneStatus } from '../set-capstone-status.js';
import { reinstateCandidate, withdrawCandidate } from '../withdraw-candidate.js';
import {
  candidateJson,
  candidateListJson,
  classListJson,
  classRowJson,
  myPathwaysJson,
  presentCandidate,
  presentCandidateListItem,
  presentClassRow,
  presentEditionSummary,
  presentMyPathways,
  presentRuleVersion,
  ruleVersionJson,
} from './pathway-json.js';

const idParams = z.object({ id: z.string().max(64) });
const slugParams = z.object({ slug: z.string().max(80) });
const security = [{ bearerAuth: [] }];
const tags = ['pathway'];

/**
 * /api/v1 diploma pathway: candidates (programme managers), class lists and results (managers and the
 * edition's facilitators), rule versions (managers) and the signed-in person's own pathway. A change to a
 * candidate answers with the candidate as it now stands (its evaluation in the reader's language).
 */
export function pathwayApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const candidate = async (request: FastifyRequest, id: string) =>
    presentCandidate(await getCandidate(deps.db, deps, request.actor, id, request.locale));

  app.get(
    '/candidates',
    {
      schema: {
        tags,
        summary: 'Candidates of a programme, filtered, sorted and paged (managers)',
        security,
        querystring: candidateListQuerySchema,
        response: { 200: candidateListJson, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { programme, ...query } = request.query;
      const page = await listCandidates(deps.db, deps, request.actor, programme, query);
      return {
        candidates: page.items.map(presentCandidateListItem),
        total: page.total,
        page: page.page,
        pageCount: page.pageCount,
      };
    },
  );

  app.post(
    '/programmes/:slug/candidates',
    {
      schema: {
        tags,
        summary: 'Register a person (by email) as a candidate, on the rule version in force (managers)',
        security,
        params: slugParams,
        body: registerCandidateSchema,
        response: { 201: candidateJson, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = await registerCandidate(deps.db, deps, request.actor, request.params.slug, request.body);
      return reply
        .status(201)
        .header('location', `/api/v1/candidates/${id}`)
        .send(await candidate(request, id));
    },
  );

  app.get(
    '/candidates/:id',
    {
      schema: {
        tags,
        summary: 'A candidate: evaluation, results, enrolments, extensions, audit trail (managers)',
        security,
        params: idParams,
        response: { 200: candidateJson, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => candidate(request, request.params.id),
  );

  candidateActionRoutes(api, deps, candidate);
  classRoutes(api, deps);
  ruleVersionRoutes(api, deps);

  app.get(
    '/me/pathway',
    {
      schema: {
        tags,
        summary: 'Your pathways: where you stand and the open editions that would count next',
        security,
        response: { 200: myPathwaysJson, ...errorResponses(401) },
      },
    },
    async (request) => presentMyPathways(await getMyPathways(deps.db, deps, request.actor, request.locale)),
  );
}

type PresentCandidate = (request: FastifyRequest, id: string) => Promise<z.infer<typeof candidateJson>>;

function candidateActionRoutes(api: FastifyInstance, deps: Deps, candidate: PresentCandidate): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const schema = (summary: string, body?: z.ZodType) => ({
    tags,
    summary,
    security,
    params: idParams,
    ...(body ? { body } : {}),
    response: { 200: candidateJson, ...errorResponses(400, 401, 403, 404, 409) },
  });

  app.post(
    '/candidates/:id/extensions',
    { schema: schema('Grant a window extension of some months, with a reason (managers)', extensionSchema) },
    async (request) => {
      await grantExtension(deps.db, deps, request.actor, request.params.id, request.body);
      return candidate(request, request.params.id);
    },
  );
  app.post(
    '/candidates/:id/withdraw',
    { schema: schema('Withdraw a candidate, with a reason (managers)', withdrawSchema) },
    async (request) => {
      await withdrawCandidate(deps.db, deps, request.actor, request.params.id, request.body);
      return candidate(request, request.params.id);
    },
  );
  app.post(
    '/candidates/:id/reinstate',
    { schema: schema('Reinstate a withdrawn candidate (managers)') },
    async (request) => {
      await reinstateCandidate(deps.db, deps, request.actor, request.params.id);
      return candidate(request, request.params.id);
    },
  );
  app.put(
    '/candidates/:id/capstone',
    { schema: schema('Record where the capstone stands (managers)', capstoneStatusSchema) },
    async (request) => {
      await setCapstoneStatus(deps.db, deps, request.actor, request.params.id, request.body);
      return candidate(request, request.params.id);
    },
  );
  app.put(
    '/candidates/:id/rule-version',
    {
      schema: schema(
        'Move a candidate to another rule version of the programme (managers)',
        moveVersionSchema,
      ),
    },
    async (request) => {
      await moveCandidateToRuleVersion(deps.db, deps, request.actor, request.params.id, request.body);
      return candidate(request, request.params.id);
    },
  );
}

function classRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/editions/:id/class',
    {
      schema: {
        tags,
        summary: "An edition's class list with results (managers and the edition's facilitators)",
        security,
        params: idParams,
        response: { 200: classListJson, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { edition, course, rows } = await getClassList(deps.db, deps, request.actor, request.params.id);
      return {
        edition: { ...presentEditionSummary(edition), facilitators: edition.facilitators },
        credentialOnSuccess: course.credentialOnSuccess,
        enrolments: rows.map(presentClassRow),
      };
    },
  );

  app.post(
    '/editions/:id/enrolments',
    {
      schema: {
        tags,
        summary: 'Enrol a person (by email) in an edition (managers)',
        security,
        params: idParams,
        body: enrolSchema,
        response: {
          201: z.object({ id: z.string(), editionId: z.string(), status: z.literal('enrolled') }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      // Through the places module: capacity and the waiting list apply; the place is self-funded.
      const { id } = await enrolDirectly(deps.db, deps, request.actor, request.params.id, {
        fundingKind: 'self',
        ...request.body,
      });
      return reply.status(201).send({ id, editionId: request.params.id, status: 'enrolled' as const });
    },
  );

  app.put(
    '/editions/:id/results',
    {
      schema: {
        tags,
        summary: "Record a class's results in one go: any problem refuses them all (managers, facilitators)",
        security,
        params: idParams,
        body: classResultsSchema,
        response: { 200: z.object({ changed: z.number() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const rows = request.body.rows.map(({ enrolmentId, ...result }) => ({ enrolmentId, result }));
      return recordClassResults(deps.db, deps, request.actor, request.params.id, rows);
    },
  );

  app.put(
    '/enrolments/:id/result',
    {
      schema: {
        tags,
        summary: "Record or change one enrolment's result (managers, the edition's facilitators)",
        security,
        params: idParams,
        body: resultSchema,
        response: { 200: classRowJson, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentClassRow(await recordResult(deps.db, deps, request.actor, request.params.id, request.body)),
  );
}

function ruleVersionRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/programmes/:slug/rule-versions',
    {
      schema: {
        tags,
        summary: "A programme's requirement-rule versions, newest first (managers)",
        security,
        params: slugParams,
        response: { 200: z.object({ versions: z.array(ruleVersionJson) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({
      versions: (await listRuleVersions(deps.db, deps, request.actor, request.params.slug)).map(
        presentRuleVersion,
      ),
    }),
  );

  app.post(
    '/programmes/:slug/rule-versions',
    {
      schema: {
        tags,
        summary: 'Save a new rule version with its effective date (managers)',
        security,
        params: slugParams,
        body: ruleVersionSchema,
        response: { 201: ruleVersionJson, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentRuleVersion(
            await createRuleVersion(deps.db, deps, request.actor, request.params.slug, request.body),
          ),
        ),
  );
}
