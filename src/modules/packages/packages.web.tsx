/**
 * The packages' pages and machine endpoints: the package page, the SCORM player and its commits, package
 * content (sandboxed), the runtime scripts, cmi5 launches and fetch URLs, and the upload form.
 *
 * Package content is served under /package-content/{id}/{key}/… with `Content-Security-Policy: sandbox
 * allow-scripts allow-popups` (no allow-same-origin): its scripts run in an opaque origin, so they cannot
 * read the platform's cookies nor call its pages or API as the user; `connect-src` allows nothing (SCORM)
 * or only the LRS and the fetch URL (cmi5). Sandboxed documents send no cookies, so content is not checked
 * per person: the key in the path (an HMAC of the package id) keeps it unlisted.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { fetchAuthToken, launchCmi5 } from './cmi5.js';
import { getPackage } from './get-package.js';
import { getUploadForm } from './get-upload-form.js';
import { importPackageIntoSpace } from './import-package-into-space.js';
import { contentKey } from './package-access.js';
import { findPackage, findPackageFile } from './packages.repository.js';
import { runtimeFile, withChildRuntime } from './runtime-scripts.js';
import { commitTracking, launchScorm, startNewAttempt } from './scorm-attempts.js';
import { PackagePage, PlayerPage, UploadPage } from './views/package-pages.js';

/** Largest package upload (the zip limits then apply to what it holds). */
export const PACKAGE_UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  woff: 'font/woff',
  woff2: 'font/woff2',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
};

const uploads = new WeakMap<FastifyRequest, Buffer>();

async function readUpload(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({
      limits: { fileSize: PACKAGE_UPLOAD_MAX_BYTES, files: 1, fields: 5, parts: 8, fieldSize: 4096 },
    })) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value);
      else if (part.fieldname === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw new AppError('payload_too_large');
        uploads.set(request, bytes);
      } else await part.toBuffer();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof AppError) throw error;
    throw new AppError(code === 'FST_REQ_FILE_TOO_LARGE' ? 'payload_too_large' : 'bad_request');
  }
  request.body = fields;
}

function contentPolicy(deps: Deps, cmi5: boolean): string {
  const origin = new URL(deps.config.baseUrl).origin;
  const connect = cmi5 ? `${origin}/xapi/ ${origin}/cmi5/fetch/` : "'none'";
  return [
    'sandbox allow-scripts allow-popups',
    `default-src ${origin} data: blob: 'unsafe-inline' 'unsafe-eval'`,
    `connect-src ${connect}`,
    "frame-ancestors 'self'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** A commit's body: JSON, or JSON sent as text/plain (the runtime's beacon at terminate). */
function commitBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    throw new AppError('bad_request');
  }
}

function cors(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*');
  reply.header('access-control-allow-methods', 'POST');
}

export function packagesWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { packageId: string } }>(
    '/packages/:packageId',
    { schema: { hide: true } },
    async (request, reply) => {
      const view = await getPackage(deps.db, deps, request.actor, request.params.packageId);
      return sendPage(reply, <PackagePage ctx={pageContext(request, reply)} view={view} />);
    },
  );

  app.get<{ Params: { packageId: string; index: string } }>(
    '/packages/:packageId/scos/:index/launch',
    { schema: { hide: true } },
    async (request, reply) => {
      const index = /^\d{1,4}$/.test(request.params.index) ? Number(request.params.index) : -1;
      const pkg = isId(request.params.packageId)
        ? await findPackage(deps.db, request.params.packageId)
        : undefined;
      if (pkg?.standard === 'cmi5') {
        const { url } = await launchCmi5(deps.db, deps, request.actor, {
          packageId: request.params.packageId,
          auIndex: index,
        });
        return reply.redirect(url, 303);
      }
      const launch = await launchScorm(deps.db, deps, request.actor, {
        packageId: request.params.packageId,
        scoIndex: index,
      });
      return sendPage(reply, <PlayerPage ctx={pageContext(request, reply)} launch={launch} />);
    },
  );

  app.post<{ Params: { packageId: string } }>(
    '/packages/:packageId/attempts',
    { preValidation: app.csrfProtection, schema: { hide: true } },
    async (request, reply) => {
      await startNewAttempt(deps.db, deps, request.actor, request.params.packageId);
      setFlash(reply, 'packages.page.attemptStarted');
      return reply.redirect(`/packages/${request.params.packageId}`, 303);
    },
  );

  // The runtime's commits: JSON from the player page; the secret in the URL makes a forged request useless.
  app.post<{ Params: { attemptId: string }; Querystring: { key?: string; sco?: string } }>(
    '/packages/attempts/:attemptId/commit',
    { schema: { hide: true } },
    async (request, reply) => {
      const result = await commitTracking(deps.db, deps, request.actor, {
        attemptId: request.params.attemptId,
        key: String(request.query.key ?? ''),
        scoIndex: Number(request.query.sco ?? -1),
        body: commitBody(request.body),
      });
      return reply.type('application/json').send(result);
    },
  );

  app.get<{ Params: { packageId: string; key: string; '*': string } }>(
    '/package-content/:packageId/:key/*',
    { schema: { hide: true } },
    async (request, reply) => {
      const { packageId, key } = request.params;
      const path = request.params['*'];
      if (!isId(packageId) || key !== contentKey(deps, packageId)) throw new AppError('not_found');
      const [file, pkg] = await Promise.all([
        findPackageFile(deps.db, packageId, path),
        findPackage(deps.db, packageId),
      ]);
      if (!file || !pkg) throw new AppError('not_found');
      const extension = path.split('.').pop()?.toLowerCase() ?? '';
      const type = TYPES[extension] ?? 'application/octet-stream';
      reply.removeHeader('x-frame-options');
      reply.header('content-security-policy', contentPolicy(deps, pkg.standard === 'cmi5'));
      reply.header('x-content-type-options', 'nosniff');
      // The sandboxed document has an opaque origin: its own files are cross-origin to it.
      reply.header('cross-origin-resource-policy', 'cross-origin');
      reply.header('cache-control', 'private, max-age=300');
      const bytes = Buffer.from(file.content);
      if (type.startsWith('text/html') && pkg.standard !== 'cmi5')
        return reply.type(type).send(withChildRuntime(bytes.toString('utf8')));
      return reply.type(type).send(bytes);
    },
  );

  app.get<{ Params: { file: string } }>(
    '/package-runtime/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      const text = runtimeFile(request.params.file);
      if (text === null) throw new AppError('not_found');
      return (
        reply
          .type('text/javascript; charset=utf-8')
          .header('cache-control', 'public, max-age=3600')
          // Loaded by sandboxed (opaque-origin) package documents.
          .header('cross-origin-resource-policy', 'cross-origin')
          .send(text)
      );
    },
  );

  app.post<{ Params: { token: string } }>(
    '/cmi5/fetch/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      cors(reply);
      return reply.type('application/json').send(await fetchAuthToken(deps.db, deps, request.params.token));
    },
  );
  app.options<{ Params: { token: string } }>(
    '/cmi5/fetch/:token',
    { schema: { hide: true } },
    async (_request, reply) => {
      cors(reply);
      reply.header('access-control-allow-headers', 'Content-Type');
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: string }; Querystring: { section?: string } }>(
    '/editions/:id/packages/new',
    { schema: { hide: true } },
    async (request, reply) => {
      const form = await getUploadForm(deps.db, request.actor, request.params.id);
      // The builder's "Add a package" link names the section; another edition's section is not offered.
      const section = String(request.query.section ?? '');
      const values: Record<string, string> = form.sections.some((s) => s.id === section)
        ? { sectionId: section }
        : {};
      return sendPage(reply, <UploadPage ctx={pageContext(request, reply)} form={form} values={values} />);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/editions/:id/packages',
    { preValidation: [readUpload, app.csrfProtection], schema: { hide: true } },
    async (request, reply) => {
      const fields = (request.body ?? {}) as Record<string, string>;
      const bytes = uploads.get(request);
      try {
        if (!bytes || bytes.length === 0)
          throw new AppError('validation_failed', {}, [{ path: 'file', key: 'packages.error.noFile' }]);
        const maxText = (fields.maxAttempts ?? '').trim();
        const maxAttempts = maxText === '' ? null : Number(maxText);
        if (maxAttempts !== null && !Number.isInteger(maxAttempts))
          throw new AppError('validation_failed', {}, [{ path: 'maxAttempts', key: 'validation.invalid' }]);
        const { packageId: id } = await importPackageIntoSpace(deps.db, deps, request.actor, {
          editionId: request.params.id,
          maxAttempts,
          bytes,
          sectionId: fields.sectionId || null,
        });
        setFlash(reply, 'packages.upload.done');
        return reply.redirect(`/packages/${id}`, 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'validation_failed')
          return sendPage(
            reply,
            <UploadPage
              ctx={pageContext(request, reply)}
              form={await getUploadForm(deps.db, request.actor, request.params.id)}
              values={fields}
              errors={fieldMessages(request.i18n, error.fields)}
            />,
            400,
          );
        throw error;
      }
    },
  );
}
