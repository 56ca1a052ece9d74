import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, echoValues, formBody } from '../../http/forms.js';
import { type AppError, isAppError } from '../../kernel/errors.js';
import { type FieldMessages, fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { allocateMarker, allocateMarkersEvenly } from './allocate-markers.js';
import { appointExaminer } from './appoint-examiner.js';
import { getContextOverview, getMarkingPage, getMyMarking } from './get-marking-views.js';
import { getRubric, getRubrics } from './get-rubrics.js';
import { agreeMark, reviewSubmission } from './moderate-submission.js';
import { releaseMark, releaseReadyMarks } from './release-marks.js';
import { revealIdentities } from './reveal-identities.js';
import { markFromForm, saveMark } from './save-mark.js';
import { rubricFromForm, saveRubric } from './save-rubric.js';
import { ContextOverviewPage, MarkingPageView, MyMarkingPage } from './views/marking-pages.js';
import { RubricFormPage, RubricListPage } from './views/rubric-pages.js';

type Id = { Params: { id: string } };
type Sub = { Params: { submissionId: string } };
type Rub = { Params: { rubricId: string } };
const hidden = { schema: { hide: true } };

/** Field errors of a rubric form: `criteria.<n>.<field>` become the row's field (`c3.weight`). */
function rubricErrors(
  request: FastifyRequest,
  error: AppError,
  body: Record<string, unknown>,
): FieldMessages {
  const ids = ((rubricFromForm(body).criteria as { id: string }[] | undefined) ?? []).map((c) => c.id);
  const fields = error.fields.map((f) => {
    const match = /^criteria\.(\d+)\.(\w+)/.exec(f.path);
    if (match)
      return {
        ...f,
        path: `${ids[Number(match[1])] ?? 'c1'}.${match[2] === 'levels' ? 'levels' : match[2]}`,
      };
    return f.path.startsWith('criteria') ? { ...f, path: 'criteria' } : f;
  });
  return fieldMessages(request.i18n, fields);
}

/** The marking pages: rubrics, a context's overview, a marker's list, one submission's marking. */
export function markingWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/marking/rubrics', hidden, async (request, reply) => {
    const rubrics = await getRubrics(deps.db, deps, request.actor);
    return sendPage(reply, <RubricListPage ctx={pageContext(request, reply)} rubrics={rubrics} />);
  });

  app.get('/marking/rubrics/new', hidden, async (request, reply) => {
    await getRubrics(deps.db, deps, request.actor);
    return sendPage(reply, <RubricFormPage ctx={pageContext(request, reply)} rubric={null} />);
  });

  const saveRubricForm = async (request: FastifyRequest, reply: FastifyReply, rubricId: string | null) => {
    const body = formBody(request) as Record<string, unknown>;
    try {
      const { id } = await saveRubric(deps.db, deps, request.actor, rubricId, rubricFromForm(body));
      setFlash(reply, 'marking.flash.rubricSaved');
      return reply.redirect(`/marking/rubrics/${id}`, 303);
    } catch (error) {
      if (!isAppError(error, 'validation_failed')) throw error;
      const rubric = rubricId ? await getRubric(deps.db, deps, request.actor, rubricId) : null;
      const page = (
        <RubricFormPage
          ctx={pageContext(request, reply)}
          rubric={rubric}
          values={echoValues(formBody(request))}
          errors={rubricErrors(request, error, body)}
        />
      );
      return sendPage(reply, page, 400);
    }
  };

  app.post('/marking/rubrics', csrfProtected(app), (request, reply) => saveRubricForm(request, reply, null));

  app.get<Rub>('/marking/rubrics/:rubricId', hidden, async (request, reply) => {
    const rubric = await getRubric(deps.db, deps, request.actor, request.params.rubricId);
    return sendPage(reply, <RubricFormPage ctx={pageContext(request, reply)} rubric={rubric} />);
  });

  app.post<Rub>('/marking/rubrics/:rubricId', csrfProtected(app), async (request, reply) => {
    await getRubric(deps.db, deps, request.actor, request.params.rubricId);
    return saveRubricForm(request, reply, request.params.rubricId);
  });

  app.get('/marking/my', hidden, async (request, reply) => {
    const rows = await getMyMarking(deps.db, deps, request.actor);
    return sendPage(reply, <MyMarkingPage ctx={pageContext(request, reply)} rows={rows} />);
  });

  const showOverview = async (
    request: FastifyRequest<Id>,
    reply: FastifyReply,
    status = 200,
    errors: FieldMessages = {},
  ) => {
    const page = await getContextOverview(deps.db, deps, request.actor, request.params.id);
    return sendPage(
      reply,
      <ContextOverviewPage ctx={pageContext(request, reply)} page={page} errors={errors} />,
      status,
    );
  };

  app.get<Id>('/marking/editions/:id', hidden, (request, reply) => showOverview(request, reply));

  app.post<Id>('/marking/editions/:id/allocate', csrfProtected(app), async (request, reply) => {
    try {
      await allocateMarkersEvenly(deps.db, deps, request.actor, request.params.id, formBody(request));
    } catch (error) {
      if (isAppError(error, 'validation_failed'))
        return showOverview(request, reply, 400, fieldMessages(request.i18n, error.fields));
      throw error;
    }
    setFlash(reply, 'marking.flash.allocated');
    return reply.redirect(`/marking/editions/${request.params.id}`, 303);
  });

  app.post<Id>('/marking/editions/:id/release', csrfProtected(app), async (request, reply) => {
    await releaseReadyMarks(deps.db, deps, request.actor, request.params.id);
    setFlash(reply, 'marking.flash.released');
    return reply.redirect(`/marking/editions/${request.params.id}`, 303);
  });

  app.post<Id>('/marking/editions/:id/reveal', csrfProtected(app), async (request, reply) => {
    await revealIdentities(deps.db, deps, request.actor, request.params.id);
    setFlash(reply, 'marking.flash.revealed');
    return reply.redirect(`/marking/editions/${request.params.id}`, 303);
  });

  app.post<Id>('/marking/editions/:id/examiners', csrfProtected(app), async (request, reply) => {
    try {
      await appointExaminer(deps.db, deps, request.actor, request.params.id, formBody(request));
    } catch (error) {
      if (isAppError(error, 'validation_failed'))
        return showOverview(request, reply, 400, fieldMessages(request.i18n, error.fields));
      throw error;
    }
    setFlash(reply, 'marking.flash.examinerAppointed');
    return reply.redirect(`/marking/editions/${request.params.id}`, 303);
  });

  const showMarking = async (
    request: FastifyRequest<Sub>,
    reply: FastifyReply,
    status = 200,
    errors: FieldMessages = {},
  ) => {
    const page = await getMarkingPage(deps.db, deps, request.actor, request.params.submissionId);
    const values = status === 200 ? {} : echoValues(formBody(request));
    return sendPage(
      reply,
      <MarkingPageView ctx={pageContext(request, reply)} page={page} errors={errors} values={values} />,
      status,
    );
  };

  app.get<Sub>('/marking/submissions/:submissionId', hidden, (request, reply) => showMarking(request, reply));

  /** Runs a marking form; validation problems re-render the page (400), refused moves say so (409). */
  const markingAction =
    (run: (request: FastifyRequest<Sub>) => Promise<string>) =>
    async (request: FastifyRequest<Sub>, reply: FastifyReply) => {
      try {
        setFlash(reply, await run(request));
      } catch (error) {
        if (isAppError(error, 'validation_failed'))
          return showMarking(request, reply, 400, fieldMessages(request.i18n, error.fields));
        if (isAppError(error, 'invalid_state'))
          return showMarking(request, reply, 409, { form: request.i18n.t('marking.error.notNow') });
        throw error;
      }
      return reply.redirect(`/marking/submissions/${request.params.submissionId}`, 303);
    };

  app.post<Sub>(
    '/marking/submissions/:submissionId/mark',
    csrfProtected(app),
    markingAction(async (request) => {
      await saveMark(
        deps.db,
        deps,
        request.actor,
        request.params.submissionId,
        markFromForm(formBody(request)),
      );
      return 'marking.flash.markSaved';
    }),
  );

  app.post<Sub>(
    '/marking/submissions/:submissionId/allocate',
    csrfProtected(app),
    markingAction(async (request) => {
      await allocateMarker(deps.db, deps, request.actor, request.params.submissionId, formBody(request));
      return 'marking.flash.allocated';
    }),
  );

  app.post<Sub>(
    '/marking/submissions/:submissionId/review',
    csrfProtected(app),
    markingAction(async (request) => {
      await reviewSubmission(deps.db, deps, request.actor, request.params.submissionId, formBody(request));
      return 'marking.flash.moved';
    }),
  );

  app.post<Sub>(
    '/marking/submissions/:submissionId/agree',
    csrfProtected(app),
    markingAction(async (request) => {
      await agreeMark(deps.db, deps, request.actor, request.params.submissionId, formBody(request));
      return 'marking.flash.agreed';
    }),
  );

  app.post<Sub>(
    '/marking/submissions/:submissionId/release',
    csrfProtected(app),
    markingAction(async (request) => {
      await releaseMark(deps.db, deps, request.actor, request.params.submissionId);
      return 'marking.flash.released';
    }),
  );
}
