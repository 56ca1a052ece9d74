import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { setFlash } from '../../../http/context.js';
import { errorMessage } from '../../../http/error-handler.js';
import { csrfProtected, echoValues, type FormBody, formBody } from '../../../http/forms.js';
import { sendCsvDownload } from '../../../http/uploads.js';
import { type AppError, isAppError } from '../../../kernel/errors.js';
import { fieldMessages, pageContext } from '../../../web/page-context.js';
import { sendPage } from '../../../web/render.js';
import { listProgrammes } from '../../programmes/get-programme.js';
import { sendPdfDownload } from '../files/application-upload-http.js';
import { getApplicationFile } from '../files/get-application-file.js';
import { assignReviewer, unassignReviewer } from './assign-reviewers.js';
import { commentOnApplication } from './comment-application.js';
import { decideApplication } from './decide-application.js';
import { applicationsCsv } from './export-applications.js';
import { overrideEligibility } from './override-eligibility.js';
import { reopenDecision } from './reopen-decision.js';
import { getApplicationForStaff } from './review-detail.js';
import { listReviewQueue } from './review-queue.js';
import {
  getAdmissionSettingsForEdit,
  type SettingsFormValues,
  saveAdmissionSettingsForm,
  settingsFormValues,
} from './review-settings.js';
import { scoreApplication } from './score-application.js';
import {
  ReviewApplicationPage,
  type ReviewForm,
  type ReviewPageState,
} from './views/review-application-page.js';
import { ReviewQueuePage } from './views/review-queue-page.js';
import { ReviewSettingsPage } from './views/review-settings-page.js';

type IdParams = { Params: { id: string } };
type ActionParams = { Params: { id: string; reviewerId?: string } };

/** The programme a queue is about: `?programme=slug`, else the first programme. */
async function programmeSlugOf(deps: Deps, request: FastifyRequest): Promise<string> {
  const asked = (request.query as Record<string, unknown>).programme;
  if (typeof asked === 'string' && asked) return asked;
  const [first] = await listProgrammes(deps.db, deps, request.actor);
  return first?.slug ?? 'none';
}

/** The message of a refused action in the reader's language (the reason when we have a sentence for it). */
function problemOf(request: FastifyRequest, error: AppError): string {
  const id = `review.problem.${String(error.params.reason ?? '')}`;
  return request.i18n.has(id) ? request.i18n.t(id) : errorMessage(request.i18n, error);
}

/** A score form's fields (`scores.<criterion>`, recommendation, note) as the use case's input. */
function scoreInput(body: FormBody) {
  const scores: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('scores.') && typeof value === 'string')
      scores[key.slice('scores.'.length)] = value.trim();
  }
  return { scores, recommendation: body.recommendation, note: body.note };
}

/** The staff side of admissions: review queues, an application's staff page and its forms, settings. */
export function reviewWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/manage/applications', { schema: { hide: true } }, async (request, reply) => {
    const queue = await listReviewQueue(
      deps.db,
      deps,
      request.actor,
      await programmeSlugOf(deps, request),
      request.query,
    );
    return sendPage(
      reply,
      <ReviewQueuePage ctx={pageContext(request, reply)} queue={queue} base="/manage/applications" />,
    );
  });

  app.get('/review', { schema: { hide: true } }, async (request, reply) => {
    const queue = await listReviewQueue(
      deps.db,
      deps,
      request.actor,
      await programmeSlugOf(deps, request),
      request.query,
      {
        mine: true,
      },
    );
    return sendPage(
      reply,
      <ReviewQueuePage ctx={pageContext(request, reply)} queue={queue} base="/review" />,
    );
  });

  app.get('/manage/applications.csv', { schema: { hide: true } }, async (request, reply) => {
    const csv = await applicationsCsv(
      deps.db,
      deps,
      request.actor,
      await programmeSlugOf(deps, request),
      request.query,
      request.i18n,
    );
    return sendCsvDownload(reply, 'applications.csv', csv);
  });

  const showApplication = async (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    status = 200,
    state: ReviewPageState = {},
  ) => {
    const view = await getApplicationForStaff(deps.db, deps, request.actor, request.params.id);
    return sendPage(
      reply,
      <ReviewApplicationPage ctx={pageContext(request, reply)} view={view} state={state} />,
      status,
    );
  };

  app.get<IdParams>('/manage/applications/:id', { schema: { hide: true } }, async (request, reply) =>
    showApplication(request, reply),
  );

  app.get<{ Params: { id: string; kind: string } }>(
    '/manage/applications/:id/files/:kind',
    { schema: { hide: true } },
    async (request, reply) => {
      const file = await getApplicationFile(
        deps.db,
        deps,
        request.actor,
        request.params.id,
        request.params.kind,
      );
      // Always a download, never rendered (a PDF checked by content at upload; nosniff, sandboxed).
      return sendPdfDownload(reply, file.downloadName, file.bytes);
    },
  );

  /**
   * A staff form on the application page. `fieldNames` renames the page's field to the use case's
   * (two forms on one page cannot both have a field with the id of "reason").
   */
  const staffAction = (
    path: string,
    form: ReviewForm,
    flash: string,
    run: (request: FastifyRequest<ActionParams>, body: FormBody) => Promise<unknown>,
    fieldNames: Record<string, string> = {},
  ) =>
    app.post<ActionParams>(`/manage/applications/:id/${path}`, csrfProtected(app), async (request, reply) => {
      const body = formBody(request);
      try {
        await run(request, body);
      } catch (error) {
        if (isAppError(error, 'invalid_state'))
          return showApplication(request, reply, 409, { problem: problemOf(request, error) });
        if (!isAppError(error, 'validation_failed')) throw error;
        const fields = error.fields.map((f) => ({ ...f, path: fieldNames[f.path] ?? f.path }));
        return showApplication(request, reply, 400, {
          failed: { form, values: echoValues(body), errors: fieldMessages(request.i18n, fields) },
        });
      }
      setFlash(reply, flash);
      return reply.redirect(`/manage/applications/${request.params.id}`, 303);
    });

  staffAction('reviewers', 'assign', 'review.flash.assigned', (request, body) =>
    assignReviewer(deps.db, deps, request.actor, request.params.id, body),
  );
  staffAction('reviewers/:reviewerId/remove', 'assign', 'review.flash.unassigned', (request) =>
    unassignReviewer(deps.db, deps, request.actor, request.params.id, request.params.reviewerId ?? ''),
  );
  staffAction('score', 'score', 'review.flash.scored', (request, body) =>
    scoreApplication(deps.db, deps, request.actor, request.params.id, scoreInput(body)),
  );
  staffAction('comments', 'comment', 'review.flash.commented', (request, body) =>
    commentOnApplication(deps.db, deps, request.actor, request.params.id, body),
  );
  staffAction('decision', 'decide', 'review.flash.decided', (request, body) =>
    decideApplication(deps.db, deps, request.actor, request.params.id, body),
  );
  staffAction(
    'reopen',
    'reopen',
    'review.flash.reopened',
    (request, body) =>
      reopenDecision(deps.db, deps, request.actor, request.params.id, { reason: body.reopenReason }),
    { reason: 'reopenReason' },
  );
  staffAction(
    'override',
    'override',
    'review.flash.overridden',
    (request, body) =>
      overrideEligibility(deps.db, deps, request.actor, request.params.id, { reason: body.overrideReason }),
    { reason: 'overrideReason' },
  );

  settingsRoutes(app, deps);
}

function settingsRoutes(app: FastifyInstance, deps: Deps): void {
  type SlugParams = { Params: { slug: string } };
  app.get<SlugParams>(
    '/manage/programmes/:slug/admissions',
    { schema: { hide: true } },
    async (request, reply) => {
      const { programme, settings } = await getAdmissionSettingsForEdit(
        deps.db,
        deps,
        request.actor,
        request.params.slug,
      );
      return sendPage(
        reply,
        <ReviewSettingsPage
          ctx={pageContext(request, reply)}
          programme={programme}
          values={settingsFormValues(settings)}
          updatedAt={settings.updatedAt}
        />,
      );
    },
  );

  app.post<SlugParams>('/manage/programmes/:slug/admissions', csrfProtected(app), async (request, reply) => {
    const body = formBody(request) as SettingsFormValues;
    try {
      await saveAdmissionSettingsForm(deps.db, deps, request.actor, request.params.slug, body);
    } catch (error) {
      if (!isAppError(error, 'validation_failed')) throw error;
      const { programme, settings } = await getAdmissionSettingsForEdit(
        deps.db,
        deps,
        request.actor,
        request.params.slug,
      );
      const { _csrf, ...values } = body;
      return sendPage(
        reply,
        <ReviewSettingsPage
          ctx={pageContext(request, reply)}
          programme={programme}
          values={values as SettingsFormValues}
          errors={fieldMessages(request.i18n, error.fields)}
          updatedAt={settings.updatedAt}
        />,
        400,
      );
    }
    setFlash(reply, 'review.flash.settingsSaved');
    return reply.redirect(`/manage/programmes/${request.params.slug}/admissions`, 303);
  });
}
