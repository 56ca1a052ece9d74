import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { isDatabaseUnavailable } from '../db/database.js';
import { DEFAULT_LOCALE, type Translator, translator } from '../i18n/i18n.js';
import { AppError, type FieldError } from '../kernel/errors.js';
import { issuesToFieldErrors } from '../kernel/validation.js';
import { ErrorPage } from '../web/error-page.js';
import { pageContext } from '../web/page-context.js';
import { sendPage } from '../web/render.js';

/** Retry-After of a 503 (the database unreachable, or the server shedding load). */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Turns anything thrown into an AppError: ours as they are, framework errors by their code, the rest 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError('service_unavailable');
  const e = error as FastifyError & { validation?: unknown };
  if (hasZodFastifySchemaValidationErrors(e)) {
    // fastify-type-provider-zod 7 spreads the zod issue (minus code, message and path) into `params` and
    // gives the path as `instancePath` ("/title/en"): rebuild the issue from those parts.
    const fields: FieldError[] = issuesToFieldErrors(
      e.validation.map(
        (v) =>
          ({
            ...v.params,
            code: v.keyword,
            message: v.message ?? '',
            path: v.instancePath.split('/').filter((part) => part !== ''),
          }) as unknown as z.core.$ZodIssue,
      ),
    );
    const context = (e as { validationContext?: string }).validationContext;
    return new AppError(
      'validation_failed',
      {},
      fields.map((f) => ({ ...f, path: context && context !== 'body' ? `${context}.${f.path}` : f.path })),
    );
  }
  switch (e?.code) {
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return new AppError('csrf_invalid');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request');
  }
  if (e?.statusCode === 429) return new AppError('too_many_attempts', { minutes: 1 });
  if (e instanceof SyntaxError || e?.statusCode === 400) return new AppError('bad_request');
  if (e?.statusCode === 404) return new AppError('not_found');
  return new AppError('internal');
}

/** The user-facing message of an error in the reader's language. */
export function errorMessage(t: Translator, error: AppError): string {
  return t.t(`errors.${error.code}`, error.params);
}

/** The JSON body of an API error: a stable code, a translated message, and the field problems. */
export function apiErrorBody(t: Translator, error: AppError) {
  return {
    error: {
      code: error.code,
      message: errorMessage(t, error),
      ...(error.fields.length
        ? {
            fields: error.fields.map((f) => ({
              path: f.path,
              code: f.key.replace(/^validation\./, ''),
              message: t.has(f.key) ? t.t(f.key, f.values) : t.t('validation.invalid'),
            })),
          }
        : {}),
    },
  };
}

function send(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.code === 'too_many_attempts')
    reply.header('retry-after', String((Number(error.params.minutes) || 1) * 60));
  if (error.code === 'service_unavailable' && !reply.hasHeader('retry-after'))
    reply.header('retry-after', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS));
  if (request.isApi || !request.i18n) {
    const t = request.i18n ?? translator(DEFAULT_LOCALE);
    return reply.status(error.status).type('application/json; charset=utf-8').send(apiErrorBody(t, error));
  }
  if (error.code === 'unauthenticated' && request.method === 'GET') {
    return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
  }
  return sendPage(
    reply,
    <ErrorPage
      ctx={pageContext(request, reply)}
      status={error.status}
      message={errorMessage(request.i18n, error)}
      details={error.fields.map((f) =>
        request.i18n.has(f.key) ? request.i18n.t(f.key, f.values) : request.i18n.t('validation.invalid'),
      )}
    />,
    error.status,
  );
}

/** Installs the error and not-found handlers: JSON under /api, translated pages elsewhere; 5xx reveal nothing. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') request.log.error({ err: error }, 'request failed');
    if (appError.code === 'service_unavailable' && appError !== error)
      request.log.warn({ err: error }, 'database unavailable');
    return send(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => send(request, reply, new AppError('not_found')));
}
