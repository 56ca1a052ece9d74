import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, formBody } from '../../http/forms.js';
import { readMultipartUpload, uploadedFile } from '../../http/uploads.js';
import { nestLocalizedFields } from '../../i18n/localized.schemas.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../i18n/time-zones.js';
import { isAppError } from '../../kernel/errors.js';
import { fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { findPerson } from '../identity/identity.queries.js';
import { itemStaffForms } from '../spaces/item-staff-form.js';
import { addDocument } from './add-document.js';
import { getAnswerEditor, getCase, getCaseManagement } from './get-case.js';
import { getDocumentFile } from './get-document-file.js';
import { giveFeedback } from './give-feedback.js';
import { saveAnswer } from './save-answer.js';
import { saveCase } from './save-case.js';
import { scheduleNews } from './schedule-news.js';
import { AnswerPage } from './views/answer-page.js';
import { CaseManagePage } from './views/manage-page.js';

type ItemParams = { Params: { itemId: string } };
type AnswerParams = { Params: { itemId: string; answerId: string } };
type DocumentParams = { Params: { itemId: string; documentId: string } };

const LOCALIZED = ['context', 'questions', 'debrief', 'title', 'body'];

/** Case studies' pages: the staff page and its forms, the answer page. */
export function casesWebRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const manageHome = (itemId: string) => `/cases/${itemId}/manage`;

  const showManage = async (
    request: FastifyRequest<ItemParams>,
    reply: FastifyReply,
    status = 200,
    extra: { errors?: Record<string, string>; values?: Record<string, string>; form?: string } = {},
  ) => {
    const view = await getCaseManagement(db, deps, request.actor, request.params.itemId);
    const me = request.actor.kind === 'user' ? await findPerson(db, request.actor.id) : null;
    const timeZone = me?.timeZone && isTimeZone(me.timeZone) ? me.timeZone : DEFAULT_TIME_ZONE;
    return sendPage(
      reply,
      <CaseManagePage ctx={pageContext(request, reply)} view={view} timeZone={timeZone} {...extra} />,
      status,
    );
  };

  const staffForm = itemStaffForms<FastifyRequest<ItemParams & AnswerParams>>({
    show: showManage,
    home: manageHome,
  });

  const form = (request: FastifyRequest) => nestLocalizedFields(formBody(request), LOCALIZED);

  app.get<ItemParams>('/cases/:itemId/manage', { schema: { hide: true } }, (request, reply) =>
    showManage(request, reply),
  );
  app.post<ItemParams & AnswerParams>(
    '/cases/:itemId',
    csrfProtected(app),
    staffForm('case', (r) => saveCase(db, deps, r.actor, r.params.itemId, form(r)), 'cases.flash.saved'),
  );
  app.post<ItemParams & AnswerParams>(
    '/cases/:itemId/news',
    csrfProtected(app),
    staffForm(
      'news',
      (r) => scheduleNews(db, deps, r.actor, r.params.itemId, form(r)),
      'cases.flash.newsScheduled',
    ),
  );
  app.post<ItemParams & AnswerParams>(
    '/cases/:itemId/answers/:answerId/feedback',
    csrfProtected(app),
    staffForm(
      'feedback',
      (r) => giveFeedback(db, deps, r.actor, r.params.itemId, r.params.answerId, formBody(r)),
      'cases.flash.feedbackSaved',
    ),
  );

  app.get<ItemParams>('/cases/:itemId/answer', { schema: { hide: true } }, async (request, reply) => {
    const view = await getAnswerEditor(db, deps, request.actor, request.params.itemId);
    return sendPage(reply, <AnswerPage ctx={pageContext(request, reply)} view={view} />);
  });

  app.post<ItemParams>('/cases/:itemId/answer', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    try {
      await saveAnswer(db, deps, request.actor, request.params.itemId, body);
    } catch (error) {
      if (
        !isAppError(error) ||
        !error.fields.length ||
        !(error.code === 'validation_failed' || error.code === 'invalid_state')
      )
        throw error;
      const view = await getAnswerEditor(db, deps, request.actor, request.params.itemId);
      const typed = typeof body.body === 'string' ? body.body : '';
      return sendPage(
        reply,
        <AnswerPage
          ctx={pageContext(request, reply)}
          view={view}
          errors={fieldMessages(request.i18n, error.fields)}
          typed={typed}
        />,
        error.status,
      );
    }
    const view = await getCase(db, deps, request.actor, request.params.itemId);
    setFlash(reply, 'cases.flash.answerSaved');
    return reply.redirect(`/spaces/${view.item.editionId}/items/${view.item.id}`, 303);
  });

  const uploadForm = { preValidation: [readMultipartUpload, app.csrfProtection], schema: { hide: true } };
  app.post<ItemParams & AnswerParams>(
    '/cases/:itemId/documents',
    uploadForm,
    staffForm(
      'document',
      async (r) => {
        let file: { fileName: string; bytes: Uint8Array } | null = null;
        try {
          const upload = uploadedFile(r);
          file = { fileName: upload.fileName ?? 'file', bytes: upload.bytes };
        } catch (error) {
          if (!isAppError(error, 'validation_failed')) throw error;
        }
        return addDocument(db, deps, r.actor, r.params.itemId, formBody(r), file);
      },
      'cases.flash.documentAdded',
    ),
  );

  app.get<DocumentParams>(
    '/cases/:itemId/documents/:documentId',
    { schema: { hide: true } },
    async (request, reply) => {
      const file = await getDocumentFile(
        db,
        deps,
        request.actor,
        request.params.itemId,
        request.params.documentId,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.bytes));
    },
  );
}
