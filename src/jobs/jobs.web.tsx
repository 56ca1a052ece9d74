import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { setFlash } from '../http/context.js';
import { errorMessage } from '../http/error-handler.js';
import { csrfProtected } from '../http/forms.js';
import { isAppError } from '../kernel/errors.js';
import { pageContext } from '../web/page-context.js';
import { sendPage } from '../web/render.js';
import { canJobs } from './jobs.policy.js';
import { listJobs } from './list-jobs.js';
import { retryJob } from './retry-job.js';
import { JobsListPage } from './views/jobs-page.js';

/** Administrators: the job queue (`/admin/jobs`) and the retry of a failed job. */
export function jobsWebRoutes(app: FastifyInstance, deps: Deps): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, status = 200, problem?: string) => {
    const result = await listJobs(deps.db, deps, request.actor, request.query);
    return sendPage(
      reply,
      <JobsListPage
        ctx={pageContext(request, reply)}
        result={result}
        canRetry={canJobs(request.actor, 'jobs.retry')}
        problem={problem}
      />,
      status,
    );
  };

  app.get('/admin/jobs', { schema: { hide: true } }, (request, reply) => show(request, reply));

  app.post<{ Params: { id: string } }>(
    '/admin/jobs/:id/retry',
    csrfProtected(app),
    async (request, reply) => {
      try {
        await retryJob(deps.db, deps, request.actor, request.params.id);
      } catch (error) {
        if (!isAppError(error, 'invalid_state')) throw error;
        request.query = {};
        return show(request, reply, 409, errorMessage(request.i18n, error));
      }
      setFlash(reply, 'jobs.flash.retried');
      return reply.redirect('/admin/jobs', 303);
    },
  );
}
