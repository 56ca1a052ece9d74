import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../kernel/errors.js';
import { type FieldMessages, fieldMessages } from '../web/page-context.js';

/** The body of a urlencoded form as plain strings (repeated names become arrays). */
export type FormBody = Record<string, string | string[] | undefined>;

export function formBody(request: FastifyRequest): FormBody {
  const body = request.body;
  return body && typeof body === 'object' ? (body as FormBody) : {};
}

/** The string values of a form, for re-displaying it (passwords and the CSRF token are never echoed). */
export function echoValues(body: FormBody): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf' || /password/i.test(key)) continue;
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/**
 * Runs a form's use case; on validation errors renders the form again (status 400) with the messages next
 * to the fields. Any other error goes to the error handler.
 */
export async function handleForm(
  request: FastifyRequest,
  _reply: FastifyReply,
  run: () => Promise<FastifyReply>,
  renderInvalid: (errors: FieldMessages) => FastifyReply | Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error, 'validation_failed'))
      return renderInvalid(fieldMessages(request.i18n, error.fields));
    throw error;
  }
}

/** Route options for a state-changing form: CSRF token checked before the handler. */
export function csrfProtected(app: FastifyInstance) {
  return { preValidation: app.csrfProtection, schema: { hide: true } };
}

/** Route options for sign-in-like forms: CSRF plus a per-address rate limit. */
export function rateLimitedForm(app: FastifyInstance, max: number) {
  return { ...csrfProtected(app), config: { rateLimit: { max, timeWindow: '1 minute' } } };
}
