import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { setFlash } from '../http/context.js';
import { errorMessage } from '../http/error-handler.js';
import { csrfProtected, formBody } from '../http/forms.js';
import { isAppError } from '../kernel/errors.js';
import { pageContext } from '../web/page-context.js';
import { sendPage } from '../web/render.js';
import { listJobs } from './list-jobs.js';
import { retryFailedJobs } from './retry-failed-jobs.js';
import { retryJob } from './retry-job.js';
import { JobsListPage } from './views/jobs-page.js';

/** Administrators: the job queue (`/admin/jobs`), the retry of a failed job and of every failed job (of a kind). */
export function jobsWebRoutes(app: FastifyInstance, deps: Deps): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, status = 200, problem?: string) => {
    const result = await listJobs(deps.db, deps, request.actor, request.query);
    return sendPage(
      reply,
      <JobsListPage ctx={pageContext(request, reply)} result={result} problem={problem} />,
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

  app.post('/admin/jobs/retry-failed', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    const { retried } = await retryFailedJobs(deps.db, deps, request.actor, { kind: body.kind ?? '' });
    setFlash(reply, retried > 0 ? 'jobs.flash.retriedMany' : 'jobs.flash.noneFailed');
    const kind = typeof body.kind === 'string' && body.kind ? `&kind=${encodeURIComponent(body.kind)}` : '';
    return reply.redirect(`/admin/jobs?status=pending${kind}`, 303);
  });
}
