import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { formBody } from '../../../http/forms.js';
import { isAppError } from '../../../kernel/errors.js';
import { type FieldMessages, pageContext } from '../../../web/page-context.js';
import { sendPage } from '../../../web/render.js';
import { getCredentialDownloads } from '../get-credential-downloads.js';
import { getCredentialForVerification } from '../verifying/get-credential-for-verification.js';
import { describeCheckedCredential, MAX_SUBMITTED_BYTES } from '../verifying/submitted-credential.js';
import { verifySubmittedCredential } from '../verifying/verify-submitted-credential.js';
import { readVerifyUpload, submissionOf } from '../verifying/verify-upload.js';
import { VERIFY_PER_MINUTE } from './vc-api.routes.js';
import { CheckCredentialPage } from './views/check-credential-page.js';
import { CredentialNotFoundPage, CredentialVerificationPage } from './views/verify-page.js';

type IdParams = { Params: { id: string } };

/** The hint's size of the largest accepted credential, in kilobytes. */
const MAX_KILOBYTES = Math.floor(MAX_SUBMITTED_BYTES / 1000);

/**
 * The public verification pages (no account, no JavaScript): a credential's page by id or printed code,
 * the look-up by code, and the check of a pasted or uploaded credential.
 */
export function verifyWebRoutes(app: FastifyInstance, deps: Deps): void {
  const notFound = (request: FastifyRequest, reply: FastifyReply, code?: string) =>
    sendPage(reply, <CredentialNotFoundPage ctx={pageContext(request, reply)} code={code} />, 404);

  app.get<IdParams>('/verify/:id', { schema: { hide: true } }, async (request, reply) => {
    let view: Awaited<ReturnType<typeof getCredentialForVerification>>;
    try {
      view = await getCredentialForVerification(deps.db, deps, request.params.id);
    } catch (error) {
      if (isAppError(error, 'not_found')) return notFound(request, reply);
      throw error;
    }
    // A printed code or an upper-case id: one address per credential.
    if (view.id !== request.params.id) return reply.redirect(`/verify/${view.id}`, 302);
    const downloads = await getCredentialDownloads(deps.db, deps, request.actor, view.id);
    return sendPage(
      reply,
      <CredentialVerificationPage ctx={pageContext(request, reply)} view={view} downloads={downloads} />,
    );
  });

  const showCheckPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    extra: {
      checked?: ReturnType<typeof describeCheckedCredential>;
      pasted?: string;
      errors?: FieldMessages;
    } = {},
  ) =>
    sendPage(
      reply,
      <CheckCredentialPage ctx={pageContext(request, reply)} maxKilobytes={MAX_KILOBYTES} {...extra} />,
      status,
    );

  app.get('/verify', { schema: { hide: true } }, async (request, reply) => {
    const code = (request.query as Record<string, unknown>).code;
    if (typeof code !== 'string' || code.trim() === '') return showCheckPage(request, reply);
    try {
      const view = await getCredentialForVerification(deps.db, deps, code);
      return reply.redirect(`/verify/${view.id}`, 303);
    } catch (error) {
      if (isAppError(error, 'not_found')) return notFound(request, reply, code.slice(0, 40));
      throw error;
    }
  });

  app.post(
    '/verify',
    {
      preValidation: [readVerifyUpload, app.csrfProtection],
      config: { rateLimit: { max: VERIFY_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { hide: true },
    },
    async (request, reply) => {
      const { field, read, pasted } = submissionOf(request, formBody(request));
      if (!read.ok) {
        const message = request.i18n.t(`credential.web.check.problem.${read.problem}`, {
          size: MAX_KILOBYTES,
        });
        // A refused text is shown again to be corrected, unless it was too large to send back.
        const echo = read.problem === 'tooLarge' ? '' : pasted;
        return showCheckPage(request, reply, 400, { pasted: echo, errors: { [field]: message } });
      }
      const result = await verifySubmittedCredential(deps.db, deps, read.input);
      return showCheckPage(request, reply, 200, {
        checked: describeCheckedCredential(result, deps.config.baseUrl),
      });
    },
  );
}
