import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { sendDownload } from '../../http/downloads.js';
import { singleFileUpload } from '../../http/file-upload.js';
import { csrfProtected, echoValues, type FormBody, formBody } from '../../http/forms.js';
import type { Actor } from '../../kernel/actor.js';
import { type AppError, isAppError } from '../../kernel/errors.js';
import { type FieldMessages, fieldMessages, pageContext } from '../../web/page-context.js';
import { KeptHtml, sendPage } from '../../web/render.js';
import { renderedOnce } from '../../web/rendered-once.js';
import {
  type AllocationOutcome,
  allocateMarker,
  allocateMarkersEvenly,
} from './allocation/allocate-markers.js';
import { getMarkerLanguages, saveMarkerLanguages } from './allocation/save-marker-languages.js';
import { type BulkOutcome, changeMarkingStates } from './change-states.js';
import { FEEDBACK_FILE_MAX_BYTES, uploadFeedbackFile } from './feedback/attach-feedback-files.js';
import { getFeedbackFile } from './feedback/get-feedback-file.js';
import { getContextOverview, getMarkingPage, getMyMarking, overviewQuery } from './get-marking-views.js';
import { appointExaminer } from './moderation/appoint-examiner.js';
import { agreeMark, reviewSubmission } from './moderation/moderate-submission.js';
import { releaseMark, releaseReadyMarks } from './release-marks.js';
import { revealIdentities } from './reveal-identities.js';
import { getCommentBank, insertBankComment } from './rubrics/get-comment-bank.js';
import { getRubric, getRubrics } from './rubrics/get-rubrics.js';
import { removeBankComment, saveBankComment } from './rubrics/save-bank-comment.js';
import { rubricFromForm, saveRubric } from './rubrics/save-rubric.js';
import { markFromForm, saveMark } from './save-mark.js';
import { ContextOverviewPage } from './views/context-overview-page.js';
import { MarkingPageView, MyMarkingList, MyMarkingPage } from './views/marking-pages.js';
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

/** A marking form's use case: executor, services, actor, the context's or submission's id, the form. */
const feedbackUpload = singleFileUpload({
  maxBytes: FEEDBACK_FILE_MAX_BYTES,
  noFileKey: 'marking.error.noFile',
});

type FormRun = (db: Deps['db'], services: Deps, actor: Actor, id: string, body: FormBody) => Promise<unknown>;

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

  const showMyMarking = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    errors: FieldMessages = {},
  ) => {
    const mine = await getMyMarking(deps.db, deps, request.actor, request.query as { page?: unknown });
    const bank = await getCommentBank(deps.db, deps, request.actor);
    const declared = await getMarkerLanguages(deps.db, request.actor);
    const ctx = pageContext(request, reply);
    const values = status === 200 ? {} : echoValues(formBody(request));
    const languages = { t: ctx.t, csrf: ctx.csrf, declared, errors };
    // The kept queue (the reader's own) is rendered once per language.
    const list = renderedOnce(mine.queue, `${request.locale}|${mine.page}`, () =>
      renderToString(<MyMarkingList t={ctx.t} rows={mine.rows} />),
    );
    return sendPage(
      reply,
      <MyMarkingPage
        ctx={ctx}
        mine={mine}
        list={<KeptHtml html={list} />}
        bank={{ t: ctx.t, csrf: ctx.csrf, ...bank, values, errors }}
        languages={languages}
      />,
      status,
    );
  };

  app.get('/marking/my', hidden, (request, reply) => showMyMarking(request, reply));

  app.post('/marking/comments', csrfProtected(app), async (request, reply) => {
    try {
      await saveBankComment(deps.db, deps, request.actor, formBody(request));
    } catch (error) {
      if (!isAppError(error, 'validation_failed')) throw error;
      return showMyMarking(request, reply, 400, fieldMessages(request.i18n, error.fields));
    }
    setFlash(reply, 'marking.flash.bankSaved');
    return reply.redirect('/marking/my#comment-bank', 303);
  });

  app.post('/marking/languages', csrfProtected(app), async (request, reply) => {
    try {
      await saveMarkerLanguages(deps.db, deps, request.actor, formBody(request));
    } catch (error) {
      if (!isAppError(error, 'validation_failed')) throw error;
      return showMyMarking(request, reply, 400, fieldMessages(request.i18n, error.fields));
    }
    setFlash(reply, 'marking.flash.languagesSaved');
    return reply.redirect('/marking/my#marker-languages', 303);
  });

  app.post<{ Params: { commentId: string } }>(
    '/marking/comments/:commentId/remove',
    csrfProtected(app),
    async (request, reply) => {
      await removeBankComment(deps.db, deps, request.actor, request.params.commentId);
      setFlash(reply, 'marking.flash.bankRemoved');
      return reply.redirect('/marking/my#comment-bank', 303);
    },
  );

  const showOverview = async (
    request: FastifyRequest<Id>,
    reply: FastifyReply,
    status = 200,
    errors: FieldMessages = {},
    bulk: BulkOutcome | null = null,
    allocation: AllocationOutcome | null = null,
  ) => {
    const page = await getContextOverview(
      deps.db,
      deps,
      request.actor,
      request.params.id,
      overviewQuery(request.query as Record<string, unknown>),
    );
    return sendPage(
      reply,
      <ContextOverviewPage
        ctx={pageContext(request, reply)}
        page={page}
        errors={errors}
        bulk={bulk}
        allocation={allocation}
      />,
      status,
    );
  };

  app.get<Id>('/marking/editions/:id', hidden, (request, reply) => showOverview(request, reply));

  /** Bulk changes: the overview comes back with what changed and what the workflow refused (by number). */
  app.post<Id>('/marking/editions/:id/bulk', csrfProtected(app), async (request, reply) => {
    try {
      const outcome = await changeMarkingStates(
        deps.db,
        deps,
        request.actor,
        request.params.id,
        formBody(request),
      );
      return showOverview(request, reply, 200, {}, outcome);
    } catch (error) {
      if (isAppError(error, 'validation_failed'))
        return showOverview(request, reply, 400, fieldMessages(request.i18n, error.fields));
      throw error;
    }
  });

  /** Allocation: back to the overview, with the report when some submissions could not be placed. */
  app.post<Id>('/marking/editions/:id/allocate', csrfProtected(app), async (request, reply) => {
    try {
      const outcome = await allocateMarkersEvenly(
        deps.db,
        deps,
        request.actor,
        request.params.id,
        formBody(request),
      );
      if (outcome.refused.length) return showOverview(request, reply, 200, {}, null, outcome);
    } catch (error) {
      if (isAppError(error, 'validation_failed'))
        return showOverview(request, reply, 400, fieldMessages(request.i18n, error.fields));
      throw error;
    }
    setFlash(reply, 'marking.flash.allocated');
    return reply.redirect(`/marking/editions/${request.params.id}`, 303);
  });

  /** The forms of a context's overview, one shape: run, flash, back to the overview (field problems: 400). */
  const contextForms: [string, FormRun, string][] = [
    [
      'release',
      (db, services, actor, id) => releaseReadyMarks(db, services, actor, id),
      'marking.flash.released',
    ],
    [
      'reveal',
      (db, services, actor, id) => revealIdentities(db, services, actor, id),
      'marking.flash.revealed',
    ],
    ['examiners', appointExaminer, 'marking.flash.examinerAppointed'],
  ];
  for (const [action, run, flash] of contextForms)
    app.post<Id>(`/marking/editions/:id/${action}`, csrfProtected(app), async (request, reply) => {
      try {
        await run(deps.db, deps, request.actor, request.params.id, formBody(request));
      } catch (error) {
        if (isAppError(error, 'validation_failed'))
          return showOverview(request, reply, 400, fieldMessages(request.i18n, error.fields));
        throw error;
      }
      setFlash(reply, flash);
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

  app.post<Sub>(
    '/marking/submissions/:submissionId/feedback-files',
    { preValidation: [feedbackUpload.read, app.csrfProtection], schema: { hide: true } },
    async (request, reply) => {
      try {
        await uploadFeedbackFile(
          deps.db,
          deps,
          request.actor,
          request.params.submissionId,
          feedbackUpload.file(request),
        );
      } catch (error) {
        if (isAppError(error, 'validation_failed'))
          return showMarking(request, reply, 400, fieldMessages(request.i18n, error.fields));
        if (isAppError(error, 'invalid_state'))
          return showMarking(request, reply, 409, { form: request.i18n.t('marking.error.notNow') });
        throw error;
      }
      setFlash(reply, 'marking.flash.feedbackFileAdded');
      return reply.redirect(`/marking/submissions/${request.params.submissionId}#feedback-files`, 303);
    },
  );

  app.get<{ Params: { fileId: string } }>(
    '/marking/feedback-files/:fileId',
    hidden,
    async (request, reply) => {
      const file = await getFeedbackFile(deps.db, deps, request.actor, request.params.fileId);
      return sendDownload(reply, {
        body: file.bytes,
        fileName: file.fileName,
        contentType: file.contentType,
      });
    },
  );

  app.post<Sub>(
    '/marking/submissions/:submissionId/insert-comment',
    csrfProtected(app),
    async (request, reply) => {
      try {
        const { page, values } = await insertBankComment(
          deps.db,
          deps,
          request.actor,
          request.params.submissionId,
          formBody(request),
        );
        return sendPage(
          reply,
          <MarkingPageView ctx={pageContext(request, reply)} page={page} values={values} />,
        );
      } catch (error) {
        if (isAppError(error, 'invalid_state'))
          return showMarking(request, reply, 409, { form: request.i18n.t('marking.error.notNow') });
        throw error;
      }
    },
  );

  /**
   * The forms of one submission's marking page, one shape: run, flash, back to the page; validation
   * problems re-render the page (400), refused moves say so (409).
   */
  const submissionForms: [string, FormRun, string][] = [
    [
      'mark',
      (db, services, actor, id, body) => saveMark(db, services, actor, id, markFromForm(body)),
      'marking.flash.markSaved',
    ],
    ['allocate', allocateMarker, 'marking.flash.allocated'],
    ['review', reviewSubmission, 'marking.flash.moved'],
    ['agree', agreeMark, 'marking.flash.agreed'],
    ['release', (db, services, actor, id) => releaseMark(db, services, actor, id), 'marking.flash.released'],
  ];
  for (const [action, run, flash] of submissionForms)
    app.post<Sub>(
      `/marking/submissions/:submissionId/${action}`,
      csrfProtected(app),
      async (request, reply) => {
        try {
          await run(deps.db, deps, request.actor, request.params.submissionId, formBody(request));
        } catch (error) {
          if (isAppError(error, 'validation_failed'))
            return showMarking(request, reply, 400, fieldMessages(request.i18n, error.fields));
          if (isAppError(error, 'invalid_state'))
            return showMarking(request, reply, 409, { form: request.i18n.t('marking.error.notNow') });
          throw error;
        }
        setFlash(reply, flash);
        return reply.redirect(`/marking/submissions/${request.params.submissionId}`, 303);
      },
    );
}
