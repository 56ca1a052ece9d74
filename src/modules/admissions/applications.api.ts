import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/api-schemas.js';
import type { Translator } from '../../i18n/i18n.js';
import {
  applicationOutputSchema,
  applicationSummaryOutputSchema,
  createApplicationBodySchema,
  submitInputSchema,
} from './admissions.schemas.js';
import { explainRule } from './eligibility.js';
import {
  readApplicationUpload,
  sendPdfDownload,
  uploadedApplicationFile,
} from './files/application-upload-http.js';
import { getApplicationFile } from './files/get-application-file.js';
import { removeApplicationFile } from './files/remove-application-file.js';
import { uploadApplicationFile } from './files/upload-application-file.js';
import { type ApplicationDetails, getOwnApplication } from './get-application.js';
import { listMyApplications } from './list-my-applications.js';
import { saveApplicationStep } from './save-application-step.js';
import { startApplication } from './start-application.js';
import { submitApplication } from './submit-application.js';
import { withdrawApplication } from './withdraw-application.js';

/** The JSON of an application for its applicant; eligibility explanations in the reader's language. */
export function presentApplication(
  details: ApplicationDetails,
  t: Translator,
): z.infer<typeof applicationOutputSchema> {
  const { application: a } = details;
  return {
    id: a.id,
    programmeId: a.programmeId,
    programmeSlug: details.programme.slug,
    status: a.status,
    step: a.step,
    locale: a.locale,
    answers: a.answers,
    files: a.files.map((f) => ({
      kind: f.kind,
      originalName: f.originalName,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      uploadedAt: f.uploadedAt,
    })),
    missing: details.missing.map((m) => ({ step: m.step, field: m.field, key: m.key })),
    eligibility: {
      eligible: details.eligibility.eligible,
      results: details.eligibility.results.map((r) => ({ ...r, explanation: explainRule(t, r) })),
    },
    justification: a.justification,
    decision: a.decision,
    decisionMessage: a.decisionMessage,
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

const idParams = z.object({ id: z.string().max(64) });
const kindParams = z.object({ id: z.string().max(64), kind: z.string().max(32) });
const stepParams = z.object({ id: z.string().max(64), step: z.string().max(32) });
const security = [{ bearerAuth: [] }];
const tags = ['applications'];

/** /api/v1/applications/mine: the signed-in person's own applications (start, fill, upload, submit, withdraw). */
export function applicationsApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const details = async (actor: Parameters<typeof getOwnApplication>[2], id: string, t: Translator) =>
    presentApplication(await getOwnApplication(deps.db, deps, actor, id), t);

  app.get(
    '/applications/mine',
    {
      schema: {
        tags,
        summary: 'My applications',
        security,
        response: {
          200: z.object({ items: z.array(applicationSummaryOutputSchema) }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => ({ items: await listMyApplications(deps.db, deps, request.actor, request.locale) }),
  );

  app.post(
    '/applications/mine',
    {
      schema: {
        tags,
        summary: 'Start my application to a programme (or get the one I already have)',
        description:
          '201 with a new draft; 200 with the existing application (one per person and programme). 409 when the programme is not taking applications.',
        security,
        body: createApplicationBodySchema,
        response: {
          200: applicationOutputSchema,
          201: applicationOutputSchema,
          ...errorResponses(400, 401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { id, created } = await startApplication(deps.db, deps, request.actor, {
        programmeSlug: request.body.programme,
        locale: request.locale,
      });
      return reply.status(created ? 201 : 200).send(await details(request.actor, id, request.i18n));
    },
  );

  app.get(
    '/applications/mine/:id',
    {
      schema: {
        tags,
        summary: 'One of my applications: answers, files, what is missing, eligibility, decision',
        security,
        params: idParams,
        response: { 200: applicationOutputSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => details(request.actor, request.params.id, request.i18n),
  );

  app.put(
    '/applications/mine/:id/steps/:step',
    {
      schema: {
        tags,
        summary: 'Save the answers of one step of my draft',
        description:
          'The body holds the fields of that step (steps: person, work, education, motivation, documents, review). Fields left out are cleared. 409 once the application is submitted.',
        security,
        params: stepParams,
        body: z.record(z.string(), z.unknown()),
        response: { 200: applicationOutputSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await saveApplicationStep(deps.db, deps, request.actor, request.params.id, {
        step: request.params.step,
        answers: request.body,
      });
      return details(request.actor, request.params.id, request.i18n);
    },
  );

  app.post(
    '/applications/mine/:id/files',
    {
      preValidation: readApplicationUpload,
      schema: {
        tags,
        summary: 'Upload my CV or sponsor letter (PDF, at most 5 MB)',
        description:
          'multipart/form-data with a field `kind` (cv or letter) and one part named `file`. The type is checked by content: anything but a PDF is refused (400).',
        security,
        params: idParams,
        response: { 201: applicationOutputSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      await uploadApplicationFile(deps.db, deps, request.actor, request.params.id, {
        kind: body.kind,
        file: uploadedApplicationFile(request),
      });
      return reply.status(201).send(await details(request.actor, request.params.id, request.i18n));
    },
  );

  app.get(
    '/applications/mine/:id/files/:kind',
    {
      schema: {
        tags,
        summary: 'Download a document of my application (always as an attachment)',
        security,
        params: kindParams,
        produces: ['application/pdf'],
        response: errorResponses(401, 404),
      },
    },
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

  app.delete(
    '/applications/mine/:id/files/:kind',
    {
      schema: {
        tags,
        summary: 'Remove a document from my draft',
        security,
        params: kindParams,
        response: { 200: applicationOutputSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await removeApplicationFile(deps.db, deps, request.actor, request.params.id, request.params.kind);
      return details(request.actor, request.params.id, request.i18n);
    },
  );

  app.post(
    '/applications/mine/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit my application',
        description:
          '400 lists what is missing; a `justification` is required when an eligibility rule is not met. 409 when already submitted or the programme has closed.',
        security,
        params: idParams,
        body: submitInputSchema.nullish(),
        response: { 200: applicationOutputSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await submitApplication(deps.db, deps, request.actor, request.params.id, request.body ?? {});
      return details(request.actor, request.params.id, request.i18n);
    },
  );

  app.post(
    '/applications/mine/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw my application (before a final decision)',
        security,
        params: idParams,
        response: { 200: applicationOutputSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await withdrawApplication(deps.db, deps, request.actor, request.params.id);
      return details(request.actor, request.params.id, request.i18n);
    },
  );
}
