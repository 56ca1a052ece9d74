import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.js';
import { errorResponses } from '../../../http/api-schemas.js';
import { assignReviewer, unassignReviewer } from './assign-reviewers.js';
import { commentOnApplication } from './comment-application.js';
import { decideApplication } from './decide-application.js';
import { overrideEligibility } from './override-eligibility.js';
import { reopenDecision } from './reopen-decision.js';
import {
  assignReviewerSchema,
  commentSchema,
  decideSchema,
  reasonSchema,
  reviewQueueApiQuerySchema,
  scoreApplicationSchema,
} from './review.schemas.js';
import { getApplicationForStaff } from './review-detail.js';
import { presentStaffApplication, queueItemJson, staffApplicationJson } from './review-json.js';
import { listReviewQueue } from './review-queue.js';
import { scoreApplication } from './score-application.js';

const idParams = z.object({ id: z.string().max(64) });
const reviewerParams = z.object({ id: z.string().max(64), reviewerId: z.string().max(64) });
const security = [{ bearerAuth: [] }];
const tags = ['admissions review'];

/**
 * /api/v1/applications: the staff side of admissions. Managers list, read, assign, decide, reopen and
 * override; an assigned reviewer reads, scores and comments on their applications. Every change answers
 * with the application as the caller now sees it (staff comments included: this API is staff-only).
 */
export function reviewApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const present = async (request: FastifyRequest, id: string) =>
    presentStaffApplication(await getApplicationForStaff(deps.db, deps, request.actor, id), request.i18n);

  app.get(
    '/applications',
    {
      schema: {
        tags,
        summary:
          'The review queue of a programme, filtered and paged (managers; reviewers: their assignments)',
        security,
        querystring: reviewQueueApiQuerySchema,
        response: {
          200: z.object({
            applications: z.array(queueItemJson),
            total: z.number(),
            page: z.number(),
            pageCount: z.number(),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { programme, ...query } = request.query;
      const queue = await listReviewQueue(deps.db, deps, request.actor, programme, query);
      return { applications: queue.items, total: queue.total, page: queue.page, pageCount: queue.pageCount };
    },
  );

  app.get(
    '/applications/:id',
    {
      schema: {
        tags,
        summary: 'An application for the staff: answers, eligibility, reviewers, scores, comments, decisions',
        security,
        params: idParams,
        response: { 200: staffApplicationJson, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => present(request, request.params.id),
  );

  const change = (summary: string, body: z.ZodType, statuses: number[] = [400, 401, 403, 404, 409]) => ({
    schema: {
      tags,
      summary,
      security,
      params: idParams,
      body,
      response: { 200: staffApplicationJson, ...errorResponses(...statuses) },
    },
  });

  app.post(
    '/applications/:id/reviewers',
    change('Assign a reviewer (managers)', assignReviewerSchema),
    async (request) => {
      await assignReviewer(deps.db, deps, request.actor, request.params.id, request.body);
      return present(request, request.params.id);
    },
  );

  app.delete(
    '/applications/:id/reviewers/:reviewerId',
    {
      schema: {
        tags,
        summary: 'Remove a reviewer who has not scored yet (managers)',
        security,
        params: reviewerParams,
        response: { 200: staffApplicationJson, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await unassignReviewer(deps.db, deps, request.actor, request.params.id, request.params.reviewerId);
      return present(request, request.params.id);
    },
  );

  app.put(
    '/applications/:id/score',
    change('Give or change your score (an assigned reviewer, until a decision)', scoreApplicationSchema),
    async (request) => {
      await scoreApplication(deps.db, deps, request.actor, request.params.id, request.body);
      return present(request, request.params.id);
    },
  );

  app.post(
    '/applications/:id/comments',
    change('Add a staff comment (never shown to the applicant)', commentSchema, [400, 401, 403, 404]),
    async (request, reply) => {
      await commentOnApplication(deps.db, deps, request.actor, request.params.id, request.body);
      return reply.status(200).send(await present(request, request.params.id));
    },
  );

  app.post(
    '/applications/:id/decision',
    change(
      'Decide: accept, waitlist, reject or request information, with a message (managers)',
      decideSchema,
    ),
    async (request) => {
      await decideApplication(deps.db, deps, request.actor, request.params.id, request.body);
      return present(request, request.params.id);
    },
  );

  app.post(
    '/applications/:id/reopen',
    change('Reopen the decision, with a reason (managers)', reasonSchema),
    async (request) => {
      await reopenDecision(deps.db, deps, request.actor, request.params.id, request.body);
      return present(request, request.params.id);
    },
  );

  app.post(
    '/applications/:id/eligibility-override',
    change('Override the eligibility evaluation, with a reason (managers)', reasonSchema),
    async (request) => {
      await overrideEligibility(deps.db, deps, request.actor, request.params.id, request.body);
      return present(request, request.params.id);
    },
  );
}
