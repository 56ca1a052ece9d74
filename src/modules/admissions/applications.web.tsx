import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, echoValues, type FormBody, formBody, handleForm } from '../../http/forms.js';
import { pickLocalized } from '../../i18n/localized.js';
import { AppError } from '../../kernel/errors.js';
import type { FieldMessages } from '../../web/page-context.js';
import { pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { type ApplicationStep, isApplicationStep, isEditableByApplicant, nextStep } from './application.js';
import { answersToFormValues, formToStepAnswers } from './application-form-values.js';
import {
  readApplicationUpload,
  sendPdfDownload,
  uploadedApplicationFile,
} from './files/application-upload-http.js';
import { getApplicationFile } from './files/get-application-file.js';
import { removeApplicationFile } from './files/remove-application-file.js';
import { uploadApplicationFile } from './files/upload-application-file.js';
import { getOwnApplication, getOwnApplicationForm } from './get-application.js';
import { getApplyPage } from './get-apply-page.js';
import { listMyApplications } from './list-my-applications.js';
import { saveApplicationStep } from './save-application-step.js';
import { startApplication } from './start-application.js';
import { submitApplication } from './submit-application.js';
import { ApplicationStepPage } from './views/application-form-page.js';
import { ApplicationStatusPage, ApplyPage, MyApplicationsPage } from './views/application-status-page.js';
import { RemoveFilePage } from './views/remove-file-page.js';
import { withdrawApplication } from './withdraw-application.js';

type SlugParams = { Params: { slug: string } };
type IdParams = { Params: { id: string } };
type StepParams = { Params: { id: string; step: string } };
type KindParams = { Params: { id: string; kind: string } };

/** The applicant's pages: start an application, fill it step by step, upload documents, submit, follow it. */
export function applicationsWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<SlugParams>('/programmes/:slug/apply', { schema: { hide: true } }, async (request, reply) => {
    const page = await getApplyPage(deps.db, deps, request.actor, request.params.slug, request.locale);
    // Someone who already applied goes to their application (one per person and programme).
    if (page.kind === 'existing') return reply.redirect(`/my/applications/${page.applicationId}`, 303);
    const { programme, isOpen, closesOn } = page;
    return sendPage(
      reply,
      <ApplyPage
        ctx={pageContext(request, reply)}
        programmeTitle={pickLocalized(programme.title, request.locale).text}
        programmeSlug={programme.slug}
        isOpen={isOpen}
        closesOn={closesOn}
      />,
    );
  });

  app.post<SlugParams>('/programmes/:slug/apply', csrfProtected(app), async (request, reply) => {
    const { id, created } = await startApplication(deps.db, deps, request.actor, {
      programmeSlug: request.params.slug,
      locale: request.locale,
    });
    return reply.redirect(created ? `/my/applications/${id}/steps/person` : `/my/applications/${id}`, 303);
  });

  app.get('/my/applications', { schema: { hide: true } }, async (request, reply) => {
    const applications = await listMyApplications(deps.db, deps, request.actor, request.locale);
    return sendPage(
      reply,
      <MyApplicationsPage ctx={pageContext(request, reply)} applications={applications} />,
    );
  });

  app.get<IdParams>('/my/applications/:id', { schema: { hide: true } }, async (request, reply) => {
    // Staff read applications on the review pages; this page is the applicant's own.
    const details = await getOwnApplication(deps.db, deps, request.actor, request.params.id);
    return sendPage(
      reply,
      <ApplicationStatusPage
        ctx={pageContext(request, reply)}
        details={details}
        programmeTitle={pickLocalized(details.programme.title, request.locale).text}
      />,
    );
  });

  const showStep = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    step: ApplicationStep,
    options: {
      status?: number;
      errors?: FieldMessages;
      values?: Record<string, string>;
      failedKind?: string;
    } = {},
  ) => {
    // Only the applicant fills the form, and only while it may change. The answering steps need the answers
    // alone; the documents and review steps the files, the eligibility and what is missing too.
    const details =
      step === 'documents' || step === 'review'
        ? await getOwnApplication(deps.db, deps, request.actor, request.params.id)
        : await getOwnApplicationForm(deps.db, deps, request.actor, request.params.id);
    if (!isEditableByApplicant(details.application.status))
      return reply.redirect(`/my/applications/${details.application.id}`, 303);
    return sendPage(
      reply,
      <ApplicationStepPage
        ctx={pageContext(request, reply)}
        details={details}
        programmeTitle={pickLocalized(details.programme.title, request.locale).text}
        step={step}
        values={options.values ?? answersToFormValues(details.application.answers)}
        errors={options.errors ?? {}}
        failedKind={options.failedKind}
      />,
      options.status ?? 200,
    );
  };

  app.get<StepParams>(
    '/my/applications/:id/steps/:step',
    { schema: { hide: true } },
    async (request, reply) => {
      if (!isApplicationStep(request.params.step)) throw new AppError('not_found');
      return showStep(request, reply, request.params.step);
    },
  );

  app.post<StepParams>('/my/applications/:id/steps/:step', csrfProtected(app), async (request, reply) => {
    const { step } = request.params;
    if (!isApplicationStep(step)) throw new AppError('not_found');
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        const application = await saveApplicationStep(deps.db, deps, request.actor, request.params.id, {
          step,
          answers: formToStepAnswers(step, body),
          continuing: body.after !== 'stay',
        });
        setFlash(reply, 'admissions.flash.saved');
        const target = body.after === 'stay' ? step : nextStep(step);
        return reply.redirect(`/my/applications/${application.id}/steps/${target}`, 303);
      },
      (errors) => showStep(request, reply, step, { status: 400, errors, values: echoValues(body) }),
    );
  });

  app.post<IdParams>(
    '/my/applications/:id/files',
    { preValidation: [readApplicationUpload, app.csrfProtection], schema: { hide: true } },
    async (request, reply) => {
      const body = formBody(request);
      return handleForm(
        request,
        reply,
        async () => {
          await uploadApplicationFile(deps.db, deps, request.actor, request.params.id, {
            kind: body.kind,
            file: uploadedApplicationFile(request),
          });
          setFlash(reply, 'admissions.flash.uploaded');
          return reply.redirect(`/my/applications/${request.params.id}/steps/documents`, 303);
        },
        (errors) =>
          showStep(request, reply, 'documents', {
            status: 400,
            errors,
            failedKind: typeof body.kind === 'string' ? body.kind : undefined,
          }),
      );
    },
  );

  app.get<KindParams>(
    '/my/applications/:id/files/:kind/delete',
    { schema: { hide: true } },
    async (request, reply) => {
      const details = await getOwnApplication(deps.db, deps, request.actor, request.params.id);
      const documents = `/my/applications/${details.application.id}/steps/documents`;
      const hasFile = details.application.files.some((f) => f.kind === request.params.kind);
      if (!hasFile || !isEditableByApplicant(details.application.status))
        return reply.redirect(documents, 303);
      return sendPage(
        reply,
        <RemoveFilePage ctx={pageContext(request, reply)} details={details} kind={request.params.kind} />,
      );
    },
  );

  app.post<KindParams>(
    '/my/applications/:id/files/:kind/delete',
    csrfProtected(app),
    async (request, reply) => {
      await removeApplicationFile(deps.db, deps, request.actor, request.params.id, request.params.kind);
      setFlash(reply, 'admissions.flash.removed');
      return reply.redirect(`/my/applications/${request.params.id}/steps/documents`, 303);
    },
  );

  app.get<KindParams>(
    '/my/applications/:id/files/:kind',
    { schema: { hide: true } },
    async (request, reply) => {
      const file = await getApplicationFile(
        deps.db,
        deps,
        request.actor,
        request.params.id,
        request.params.kind,
      );
      return sendPdfDownload(reply, file.downloadName, file.bytes);
    },
  );

  app.post<IdParams>('/my/applications/:id/submit', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        // The consent is an answer of the last step: saved first, so that it is kept even if submitting fails.
        await saveApplicationStep(deps.db, deps, request.actor, request.params.id, {
          step: 'review',
          answers: { consent: body.consent === 'on' },
        });
        await submitApplication(deps.db, deps, request.actor, request.params.id, {
          justification: text(body, 'justification'),
        });
        setFlash(reply, 'admissions.flash.submitted');
        return reply.redirect(`/my/applications/${request.params.id}`, 303);
      },
      (errors) => showStep(request, reply, 'review', { status: 400, errors, values: echoValues(body) }),
    );
  });

  app.post<IdParams>('/my/applications/:id/withdraw', csrfProtected(app), async (request, reply) => {
    await withdrawApplication(deps.db, deps, request.actor, request.params.id);
    setFlash(reply, 'admissions.flash.withdrawn');
    return reply.redirect(`/my/applications/${request.params.id}`, 303);
  });
}

function text(body: FormBody, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}
