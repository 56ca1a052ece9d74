import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { sendDownload } from '../../http/downloads.js';
import { singleFileUpload } from '../../http/file-upload.js';
import { csrfProtected, echoValues, formBody } from '../../http/forms.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../i18n/time-zones.js';
import { zipStream } from '../../integrations/zip/zip-writer.js';
import { isAppError } from '../../kernel/errors.js';
import { type FieldMessages, fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { findPerson } from '../identity/identity.queries.js';
import { rubricChoices } from '../marking/marking.queries.js';
import { assignmentAccess, editionForStaff, ensureManage } from './assignment-access.js';
import { readSubmissionUpload, uploadedSubmissionFile } from './assignment-upload-http.js';
import {
  REFERENCE_MAX_BYTES,
  removeReferenceDocument,
  uploadReferenceDocument,
} from './similarity/reference-documents.js';
import { FEEDBACK_ZIP_MAX_BYTES, getSubmissionsZip, uploadFeedbackZip } from './submissions-zip.js';

const feedbackZipUpload = singleFileUpload({
  maxBytes: FEEDBACK_ZIP_MAX_BYTES,
  noFileKey: 'assignments.error.noFile',
});
const referenceUpload = singleFileUpload({
  maxBytes: REFERENCE_MAX_BYTES,
  noFileKey: 'assignments.error.noFile',
});

import { groupSetsOfEdition } from '../groups/groups.port.js';
import { assignmentFromForm } from './assignments.schemas.js';
import { getAssignmentPage } from './get-assignment-page.js';
import { getManagePage } from './get-manage-page.js';
import { getMarkerView } from './get-marker-view.js';
import { getMarkerFile, getOwnSubmissionFile } from './get-submission-file.js';
import { removeSubmissionFile } from './remove-submission-file.js';
import { reopenSubmission } from './reopen-submission.js';
import { createAssignment, updateAssignmentSettings } from './save-assignment.js';
import { saveContribution } from './save-contribution.js';
import { saveDraft, startAttempt } from './save-draft.js';
import { setDateOverride } from './set-date-override.js';
import { toSettings } from './submission-state.js';
import { submitAssignment } from './submit-assignment.js';
import { uploadSubmissionFile } from './upload-submission-file.js';
import { AssignmentFormPage } from './views/assignment-form-page.js';
import { AssignmentPageView } from './views/assignment-page.js';
import { ManagePageView } from './views/manage-page.js';
import { MarkerSubmissionPage } from './views/marker-submission-page.js';

/** Sends a submission file as a download (the platform's download headers). */
function sendFile(reply: FastifyReply, file: { bytes: Uint8Array; fileName: string; contentType: string }) {
  return sendDownload(reply, { body: file.bytes, fileName: file.fileName, contentType: file.contentType });
}

type Id = { Params: { id: string } };
type FileParams = { Params: { id: string; fileId: string } };
type SubmissionParams = { Params: { id: string; submissionId: string } };
type SubmissionFileParams = { Params: { id: string; submissionId: string; fileId: string } };
type MarkerParams = { Params: { submissionId: string; fileId?: string } };
type Query = Record<string, unknown>;

const hidden = { schema: { hide: true } };

async function timeZoneOf(deps: Deps, request: FastifyRequest): Promise<string> {
  const person = request.actor.kind === 'user' ? await findPerson(deps.db, request.actor.id) : null;
  return person?.timeZone && isTimeZone(person.timeZone) ? person.timeZone : DEFAULT_TIME_ZONE;
}

/** The assignment pages: staff create and edit, participants draft and submit, markers read blind. */
export function assignmentsWebRoutes(app: FastifyInstance, deps: Deps): void {
  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    action: string,
    assignmentId: string | null,
    status = 200,
    errors: FieldMessages = {},
  ) => {
    const settings = assignmentId
      ? toSettings((await assignmentAccess(deps.db, request.actor, assignmentId)).assignment)
      : null;
    // New: the route's id is the edition's; editing: the assignment's edition.
    const editionId = settings?.editionId ?? (request.params as { id: string }).id;
    const model = {
      action,
      settings,
      rubrics: await rubricChoices(deps.db),
      groupSets: (await groupSetsOfEdition(deps.db, editionId)).map((g) => ({ id: g.id, name: g.name })),
      timeZone: await timeZoneOf(deps, request),
    };
    const values = status === 200 ? {} : (formBody(request) as Record<string, string | string[]>);
    return sendPage(
      reply,
      <AssignmentFormPage ctx={pageContext(request, reply)} model={model} values={values} errors={errors} />,
      status,
    );
  };

  app.get<Id>('/editions/:id/assignments/new', hidden, async (request, reply) => {
    const edition = await editionForStaff(deps.db, request.actor, request.params.id);
    return showForm(request, reply, `/editions/${edition.id}/assignments`, null);
  });

  app.post<Id>('/editions/:id/assignments', csrfProtected(app), async (request, reply) => {
    const editionId = request.params.id;
    try {
      const { id } = await createAssignment(
        deps.db,
        deps,
        request.actor,
        editionId,
        assignmentFromForm(formBody(request)),
      );
      setFlash(reply, 'assignments.flash.saved');
      return reply.redirect(`/assignments/${id}`, 303);
    } catch (error) {
      if (isAppError(error, 'validation_failed'))
        return showForm(
          request,
          reply,
          `/editions/${editionId}/assignments`,
          null,
          400,
          fieldMessages(request.i18n, error.fields),
        );
      throw error;
    }
  });

  const showPage = async (
    request: FastifyRequest<Id>,
    reply: FastifyReply,
    status = 200,
    errors: FieldMessages = {},
  ) => {
    const page = await getAssignmentPage(
      deps.db,
      deps,
      request.actor,
      request.params.id,
      deps.clock.now().toISOString(),
    );
    const values = status === 200 ? {} : echoValues(formBody(request));
    return sendPage(
      reply,
      <AssignmentPageView ctx={pageContext(request, reply)} page={page} errors={errors} values={values} />,
      status,
    );
  };

  app.get<Id>('/assignments/:id', hidden, (request, reply) => showPage(request, reply));

  app.get<Id>('/assignments/:id/edit', hidden, async (request, reply) => {
    ensureManage(await assignmentAccess(deps.db, request.actor, request.params.id));
    return showForm(request, reply, `/assignments/${request.params.id}`, request.params.id);
  });

  app.post<Id>('/assignments/:id', csrfProtected(app), async (request, reply) => {
    const { id } = request.params;
    try {
      await updateAssignmentSettings(deps.db, deps, request.actor, id, assignmentFromForm(formBody(request)));
      setFlash(reply, 'assignments.flash.saved');
      return reply.redirect(`/assignments/${id}`, 303);
    } catch (error) {
      if (isAppError(error, 'validation_failed'))
        return showForm(
          request,
          reply,
          `/assignments/${id}`,
          id,
          400,
          fieldMessages(request.i18n, error.fields),
        );
      throw error;
    }
  });

  /** Runs a participant's action; validation problems and refused states re-render the page with them. */
  const participantAction =
    (run: (request: FastifyRequest<Id>) => Promise<string>) =>
    async (request: FastifyRequest<Id>, reply: FastifyReply) => {
      try {
        const flash = await run(request);
        setFlash(reply, flash);
        return reply.redirect(`/assignments/${request.params.id}`, 303);
      } catch (error) {
        if (isAppError(error, 'validation_failed'))
          return showPage(request, reply, 400, fieldMessages(request.i18n, error.fields));
        if (isAppError(error, 'invalid_state'))
          return showPage(request, reply, 409, { form: request.i18n.t('assignments.error.notNow') });
        throw error;
      }
    };

  app.post<Id>(
    '/assignments/:id/draft',
    csrfProtected(app),
    participantAction(async (request) => {
      await saveDraft(deps.db, deps, request.actor, request.params.id, formBody(request));
      return 'assignments.flash.draftSaved';
    }),
  );

  app.post<Id>(
    '/assignments/:id/submit',
    csrfProtected(app),
    participantAction(async (request) => {
      // What is typed in the form is saved first: "Submit" hands in exactly what the person sees.
      await saveDraft(deps.db, deps, request.actor, request.params.id, formBody(request));
      await submitAssignment(deps.db, deps, request.actor, request.params.id);
      return 'assignments.flash.submitted';
    }),
  );

  app.post<Id>(
    '/assignments/:id/contribution',
    csrfProtected(app),
    participantAction(async (request) => {
      await saveContribution(deps.db, deps, request.actor, request.params.id, formBody(request));
      return 'assignments.flash.contributionSaved';
    }),
  );

  app.post<Id>(
    '/assignments/:id/attempts',
    csrfProtected(app),
    participantAction(async (request) => {
      await startAttempt(deps.db, deps, request.actor, request.params.id);
      return 'assignments.flash.attemptStarted';
    }),
  );

  app.post<Id>(
    '/assignments/:id/files',
    { preValidation: [readSubmissionUpload, app.csrfProtection], schema: { hide: true } },
    participantAction(async (request) => {
      await uploadSubmissionFile(
        deps.db,
        deps,
        request.actor,
        request.params.id,
        uploadedSubmissionFile(request),
      );
      return 'assignments.flash.uploaded';
    }),
  );

  app.post<FileParams>(
    '/assignments/:id/files/:fileId/remove',
    csrfProtected(app),
    async (request, reply) => {
      await removeSubmissionFile(deps.db, deps, request.actor, request.params.id, request.params.fileId);
      setFlash(reply, 'assignments.flash.removed');
      return reply.redirect(`/assignments/${request.params.id}`, 303);
    },
  );

  app.get<SubmissionFileParams>(
    '/assignments/:id/submissions/:submissionId/files/:fileId',
    hidden,
    async (request, reply) => {
      const { id, submissionId, fileId } = request.params;
      return sendFile(
        reply,
        await getOwnSubmissionFile(deps.db, deps, request.actor, id, submissionId, fileId),
      );
    },
  );

  const showManage = async (
    request: FastifyRequest<Id>,
    reply: FastifyReply,
    status = 200,
    errors: FieldMessages = {},
  ) => {
    const page = await getManagePage(deps.db, deps, request.actor, request.params.id, request.query as Query);
    const values = status === 200 ? {} : echoValues(formBody(request));
    return sendPage(
      reply,
      <ManagePageView ctx={pageContext(request, reply)} page={page} errors={errors} values={values} />,
      status,
    );
  };

  app.get<Id>('/assignments/:id/manage', hidden, (request, reply) => showManage(request, reply));

  app.post<Id>('/assignments/:id/overrides', csrfProtected(app), async (request, reply) => {
    try {
      await setDateOverride(deps.db, deps, request.actor, request.params.id, formBody(request));
    } catch (error) {
      if (isAppError(error, 'validation_failed'))
        return showManage(request, reply, 400, fieldMessages(request.i18n, error.fields));
      throw error;
    }
    setFlash(reply, 'assignments.flash.overrideSaved');
    return reply.redirect(`/assignments/${request.params.id}/manage`, 303);
  });

  app.get<Id>('/assignments/:id/submissions.zip', hidden, async (request, reply) => {
    const zip = await getSubmissionsZip(deps.db, deps, request.actor, request.params.id);
    return sendDownload(reply, {
      body: zipStream(zip.entries),
      fileName: zip.fileName,
      contentType: 'application/zip',
    });
  });

  /** The manage page's uploads: run, flash, back to its section; a refused file re-renders it (400). */
  const manageUploads = [
    [
      'feedback-zip',
      feedbackZipUpload,
      uploadFeedbackZip,
      'assignments.flash.feedbackUploaded',
      'bulk',
      'file',
    ],
    [
      'references',
      referenceUpload,
      uploadReferenceDocument,
      'assignments.flash.referenceAdded',
      'similarity',
      'reference',
    ],
  ] as const;
  for (const [path, upload, run, flash, anchor, field] of manageUploads)
    app.post<Id>(
      `/assignments/:id/${path}`,
      { preValidation: [upload.read, app.csrfProtection], schema: { hide: true } },
      async (request, reply) => {
        try {
          await run(deps.db, deps, request.actor, request.params.id, upload.file(request));
        } catch (error) {
          if (!isAppError(error, 'validation_failed')) throw error;
          const fields = error.fields.map((f) => (f.path === 'file' ? { ...f, path: field } : f));
          return showManage(request, reply, 400, fieldMessages(request.i18n, fields));
        }
        setFlash(reply, flash);
        return reply.redirect(`/assignments/${request.params.id}/manage#${anchor}`, 303);
      },
    );

  app.post<{ Params: { id: string; referenceId: string } }>(
    '/assignments/:id/references/:referenceId/remove',
    csrfProtected(app),
    async (request, reply) => {
      const { id, referenceId } = request.params;
      await removeReferenceDocument(deps.db, deps, request.actor, id, referenceId);
      setFlash(reply, 'assignments.flash.referenceRemoved');
      return reply.redirect(`/assignments/${id}/manage#similarity`, 303);
    },
  );

  app.post<SubmissionParams>(
    '/assignments/:id/submissions/:submissionId/reopen',
    csrfProtected(app),
    async (request, reply) => {
      const { id, submissionId } = request.params;
      try {
        await reopenSubmission(deps.db, deps, request.actor, id, submissionId, formBody(request));
      } catch (error) {
        if (isAppError(error, 'validation_failed'))
          return showManage(
            request as unknown as FastifyRequest<Id>,
            reply,
            400,
            fieldMessages(request.i18n, error.fields),
          );
        throw error;
      }
      setFlash(reply, 'assignments.flash.reopened');
      return reply.redirect(`/assignments/${id}/manage`, 303);
    },
  );

  app.get<MarkerParams>('/assignments/marking/:submissionId', hidden, async (request, reply) => {
    const { submissionId } = request.params;
    const view = await getMarkerView(deps.db, deps, request.actor, submissionId, request.query as Query);
    return sendPage(reply, <MarkerSubmissionPage ctx={pageContext(request, reply)} view={view} />);
  });

  app.get<MarkerParams>(
    '/assignments/marking/:submissionId/files/:fileId',
    hidden,
    async (request, reply) => {
      const file = await getMarkerFile(
        deps.db,
        deps,
        request.actor,
        request.params.submissionId,
        request.params.fileId ?? '',
      );
      return sendFile(reply, file);
    },
  );
}
