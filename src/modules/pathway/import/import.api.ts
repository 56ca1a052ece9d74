import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.js';
import { errorResponses } from '../../../http/api-schemas.js';
import { readMultipartUpload, sendCsvDownload, uploadedFile } from '../../../http/uploads.js';
import type { Translator } from '../../../i18n/i18n.js';
import { AppError } from '../../../kernel/errors.js';
import { commitImport } from './import-commit.js';
import { IMPORT_STATUSES } from './import-record.js';
import { uploadImport } from './import-upload.js';
import { describeProblem, getImport, type ImportView } from './import-view.js';
import { exportResults, resultsExportQuerySchema } from './results-export.js';

const countsJson = z.object({
  rows: z.number(),
  newResults: z.number(),
  changedResults: z.number(),
  unchangedRows: z.number(),
  enrolments: z.number(),
  legacyRows: z.number(),
  errorRows: z.number(),
  errors: z.number(),
});

/** The JSON shape of an import: its state, the preview (counts, first rows, every problem) or the report. */
export const importJson = z.object({
  id: z.string(),
  fileName: z.string(),
  fileType: z.enum(['csv', 'xlsx']),
  status: z.enum(IMPORT_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  rowCount: z.number(),
  errorCount: z.number(),
  canCommit: z.boolean(),
  counts: countsJson.nullable(),
  rows: z.array(
    z.object({
      line: z.number(),
      email: z.string(),
      course: z.string(),
      edition: z.string().nullable(),
      outcome: z.string(),
      grade: z.string().nullable(),
      startedOn: z.string().nullable(),
      completedOn: z.string(),
      reference: z.string().nullable(),
      change: z.enum(['new', 'changed', 'unchanged']).nullable(),
      enrol: z.boolean(),
    }),
  ),
  errors: z.array(
    z.object({ line: z.number(), column: z.string().nullable(), code: z.string(), message: z.string() }),
  ),
  job: z
    .object({
      status: z.string(),
      attempts: z.number(),
      maxAttempts: z.number(),
      progress: z.number(),
      total: z.number(),
    })
    .nullable(),
  report: z
    .object({
      committedAt: z.string(),
      newResults: z.number(),
      changedResults: z.number(),
      unchangedRows: z.number(),
      enrolments: z.number(),
      candidaciesRefreshed: z.number(),
    })
    .nullable(),
});

/** The JSON of an import; problem messages in the reader's language; a job's error stays with administrators. */
export function presentImport(view: ImportView, t: Translator): z.infer<typeof importJson> {
  return {
    id: view.id,
    fileName: view.fileName,
    fileType: view.fileType,
    status: view.status,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    rowCount: view.rowCount,
    errorCount: view.errorCount,
    canCommit: view.canCommit,
    counts: view.counts,
    rows: view.rows.map((r) => ({
      line: r.line,
      email: r.email,
      course: r.course,
      edition: r.edition,
      outcome: r.outcome,
      grade: r.grade,
      startedOn: r.startedOn,
      completedOn: r.completedOn,
      reference: r.reference,
      change: r.change,
      enrol: r.enrol,
    })),
    errors: view.problems.map((p) => ({
      line: p.line,
      column: p.column,
      code: p.key.replace(/^(validation|imports\.error)\./, ''),
      message: describeProblem(t, p).message,
    })),
    job: view.job
      ? {
          status: view.job.status,
          attempts: view.job.attempts,
          maxAttempts: view.job.maxAttempts,
          progress: view.job.progress,
          total: view.job.total,
        }
      : null,
    report: view.report
      ? {
          committedAt: view.report.committedAt,
          newResults: view.report.newResults,
          changedResults: view.report.changedResults,
          unchangedRows: view.report.unchangedRows,
          enrolments: view.report.enrolments,
          candidaciesRefreshed: view.report.candidaciesRefreshed,
        }
      : null,
  };
}

const idParams = z.object({ id: z.string().max(64) });
const security = [{ bearerAuth: [] }];
const tags = ['imports'];

/** /api/v1 result imports and exports (programme managers; an edition's export also its facilitators). */
export function importApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/imports',
    {
      preValidation: readMultipartUpload,
      schema: {
        tags,
        summary: 'Upload a results file (CSV or XLSX) and get its preview (managers)',
        description:
          'multipart/form-data with one part named `file` (at most 20 MB). The type is read from the content. Small files answer 201 with the preview; large ones 202 while a job checks them (poll GET /imports/{id}).',
        security,
        response: { 201: importJson, 202: importJson, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request, reply) => {
      const { id } = await uploadImport(deps.db, deps, request.actor, uploadedFile(request));
      const view = await getImport(deps.db, deps, request.actor, id);
      return reply.status(view.status === 'validating' ? 202 : 201).send(presentImport(view, request.i18n));
    },
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import: its progress, preview with every problem, or report (managers)',
        security,
        params: idParams,
        response: { 200: importJson, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      presentImport(await getImport(deps.db, deps, request.actor, request.params.id), request.i18n),
  );

  app.post(
    '/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Commit an import without errors, all or nothing (managers)',
        description:
          'Small imports are applied at once (200); large ones by a job (202, poll GET /imports/{id}). 409 `invalid_state` when the import has errors or new problems were found.',
        security,
        params: idParams,
        response: { 200: importJson, 202: importJson, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { status } = await commitImport(deps.db, deps, request.actor, request.params.id);
      if (status === 'previewed') throw new AppError('invalid_state', { reason: 'import-has-errors' });
      const view = await getImport(deps.db, deps, request.actor, request.params.id);
      return reply.status(status === 'committing' ? 202 : 200).send(presentImport(view, request.i18n));
    },
  );

  app.get(
    '/results.csv',
    {
      schema: {
        tags,
        summary: "Results as CSV in the import format: an edition's, or a programme's candidates'",
        security,
        querystring: resultsExportQuerySchema,
        response: { 200: z.string(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { fileName, chunks } = await exportResults(deps.db, deps, request.actor, request.query);
      return sendCsvDownload(reply, fileName, Readable.from(chunks));
    },
  );
}
