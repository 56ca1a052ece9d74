import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { setFlash } from '../../../http/context.js';
import { errorMessage } from '../../../http/error-handler.js';
import { csrfProtected, handleForm } from '../../../http/forms.js';
import { readMultipartUpload, sendCsvDownload, uploadedFile } from '../../../http/uploads.js';
import { isAppError } from '../../../kernel/errors.js';
import type { FieldMessages } from '../../../web/page-context.js';
import { pageContext } from '../../../web/page-context.js';
import { sendPage } from '../../../web/render.js';
import { listManagedProgrammes } from '../../programmes/get-programme.js';
import { commitImport } from './import-commit.js';
import { uploadImport } from './import-upload.js';
import { getImport, importProblemsCsv, listImports, PROBLEMS_SHOWN } from './import-view.js';
import { exportResults } from './results-export.js';
import { ImportPage } from './views/import-page.js';
import { ImportUploadPage } from './views/import-upload-page.js';

type IdParams = { Params: { id: string } };

/** Programme managers: upload a results file, see its preview, commit it; exports of results. */
export function importWebRoutes(app: FastifyInstance, deps: Deps): void {
  const showUpload = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    errors: FieldMessages = {},
  ) => {
    const imports = await listImports(deps.db, deps, request.actor);
    const programmes = await listManagedProgrammes(deps.db, deps, request.actor);
    return sendPage(
      reply,
      <ImportUploadPage
        ctx={pageContext(request, reply)}
        imports={imports}
        programmes={programmes}
        errors={errors}
      />,
      status,
    );
  };

  app.get('/manage/imports/new', { schema: { hide: true } }, (request, reply) => showUpload(request, reply));

  app.post(
    '/manage/imports',
    { preValidation: [readMultipartUpload, app.csrfProtection], schema: { hide: true } },
    async (request, reply) =>
      handleForm(
        request,
        reply,
        async () => {
          const { id } = await uploadImport(deps.db, deps, request.actor, uploadedFile(request));
          return reply.redirect(`/manage/imports/${id}`, 303);
        },
        (errors) => showUpload(request, reply, 400, errors),
      ),
  );

  const showImport = async (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    status = 200,
    problem?: string,
  ) => {
    const view = await getImport(deps.db, deps, request.actor, request.params.id, {
      maxProblems: PROBLEMS_SHOWN,
    });
    // The page reloads itself while a job works on the import, unless the reader turned that off.
    const autoRefresh = (request.query as Record<string, unknown> | undefined)?.refresh !== 'off';
    return sendPage(
      reply,
      <ImportPage
        ctx={pageContext(request, reply)}
        view={view}
        problem={problem}
        autoRefresh={autoRefresh}
      />,
      status,
    );
  };

  app.get<IdParams>('/manage/imports/:id', { schema: { hide: true } }, (request, reply) =>
    showImport(request, reply),
  );

  app.post<IdParams>('/manage/imports/:id/commit', csrfProtected(app), async (request, reply) => {
    try {
      const { status } = await commitImport(deps.db, deps, request.actor, request.params.id);
      if (status === 'committed') setFlash(reply, 'imports.flash.committed');
      else if (status === 'committing') setFlash(reply, 'imports.flash.committing');
      else setFlash(reply, 'imports.flash.refused');
    } catch (error) {
      if (!isAppError(error, 'invalid_state')) throw error;
      return showImport(request, reply, 409, errorMessage(request.i18n, error));
    }
    return reply.redirect(`/manage/imports/${request.params.id}`, 303);
  });

  app.get<IdParams>('/manage/imports/:id/errors.csv', { schema: { hide: true } }, async (request, reply) => {
    const csv = await importProblemsCsv(deps.db, deps, request.actor, request.params.id, request.i18n);
    return sendCsvDownload(reply, 'import-problems.csv', csv);
  });

  app.get('/manage/results.csv', { schema: { hide: true } }, async (request, reply) => {
    const { fileName, chunks } = await exportResults(deps.db, deps, request.actor, request.query);
    return sendCsvDownload(reply, fileName, Readable.from(chunks));
  });
}
