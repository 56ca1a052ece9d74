import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.js';
import { errorMessage, toAppError } from '../../../http/error-handler.js';
import { AppError, type ErrorCode } from '../../../kernel/errors.js';
import { obCredentialsQuerySchema } from '../credentials.schemas.js';
import { getObDiscovery } from '../get-ob-discovery.js';
import { listObCredentials } from '../list-ob-credentials.js';
import { jsonObject } from './credentials-json.js';

const tags = ['Open Badges 3.0'];
const security = [{ bearerAuth: [] }];

/** The Open Badges API's minor status codes for our error codes. */
const CODE_MINOR: Partial<Record<ErrorCode, string>> = {
  unauthenticated: 'unauthorizedrequest',
  forbidden: 'forbidden',
  validation_failed: 'invalid_query_parameter',
  bad_request: 'invalid_data',
  not_found: 'not_found',
  too_many_attempts: 'server_busy',
};

/** An error as the Open Badges API's `Imsx_StatusInfo`. */
export function imsxStatusInfo(code: ErrorCode, description: string) {
  return {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: description,
    imsx_codeMinor: {
      imsx_codeMinorField: [
        {
          imsx_codeMinorFieldName: 'TargetEndSystem',
          imsx_codeMinorFieldValue: CODE_MINOR[code] ?? 'internal_server_error',
        },
      ],
    },
  };
}

const statusInfoJson = z.object({
  imsx_codeMajor: z.string(),
  imsx_severity: z.string(),
  imsx_description: z.string(),
  imsx_codeMinor: z.object({
    imsx_codeMinorField: z.array(
      z.object({ imsx_codeMinorFieldName: z.string(), imsx_codeMinorFieldValue: z.string() }),
    ),
  }),
});

/**
 * Open Badges 3.0 API under /ims/ob/v3p0 (registered with that prefix): the Service Description Document
 * (public) and the signed-in holder's credentials (a personal API token). Errors are `Imsx_StatusInfo`
 * as the specification's OpenAPI document says.
 */
export function obApiRoutes(scope: FastifyInstance, deps: Deps): void {
  scope.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') request.log.error({ err: error }, 'request failed');
    return reply
      .status(appError.status)
      .type('application/json; charset=utf-8')
      .send(imsxStatusInfo(appError.code, errorMessage(request.i18n, appError)));
  });
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/discovery',
    {
      schema: {
        hide: true,
        tags,
        summary: 'OB 3.0 Service Description Document',
        response: { 200: jsonObject },
      },
    },
    async (request, reply) =>
      reply
        .header('access-control-allow-origin', '*')
        .send(await getObDiscovery(deps.db, deps, request.locale)),
  );
  app.get(
    '/credentials',
    {
      schema: {
        hide: true,
        tags,
        summary:
          'OB 3.0 getCredentials: your own credentials (personal API token); X-Total-Count and Link headers',
        security,
        querystring: obCredentialsQuerySchema,
        response: {
          200: z.object({ credential: z.array(jsonObject) }),
          400: statusInfoJson,
          401: statusInfoJson,
          403: statusInfoJson,
        },
      },
      preValidation: async (request) => {
        if (request.actor.kind === 'anonymous') throw new AppError('unauthenticated');
      },
    },
    async (request, reply) => {
      const page = await listObCredentials(deps.db, deps, request.actor, request.query);
      const base = `${deps.config.baseUrl}/ims/ob/v3p0/credentials`;
      const link = (offset: number, rel: string) =>
        `<${base}?limit=${page.limit}&offset=${offset}>; rel="${rel}"`;
      const last = Math.max(0, Math.floor((page.total - 1) / page.limit) * page.limit);
      const links = [link(0, 'first'), link(last, 'last')];
      if (page.offset + page.limit < page.total) links.push(link(page.offset + page.limit, 'next'));
      if (page.offset > 0) links.push(link(Math.max(0, page.offset - page.limit), 'prev'));
      return reply
        .header('x-total-count', String(page.total))
        .header('link', links.join(', '))
        .header('cache-control', 'private, no-store')
        .send({ credential: page.credential });
    },
  );
}
