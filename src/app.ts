import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from './deps.js';
import { installRequestContext } from './http/context.js';
import { installErrorHandling } from './http/error-handler.js';
import { healthRoutes } from './http/health.js';
import { languageRoutes } from './http/language.js';
import { installOpenApi } from './http/openapi.js';
import { IMPORT_MAX_BYTES } from './integrations/spreadsheets/read-spreadsheet.js';
import { jobsWebRoutes } from './jobs/jobs.web.js';
import { AppError } from './kernel/errors.js';
import { newId } from './kernel/ids.js';
import { applicationsApiRoutes } from './modules/admissions/applications.api.js';
import { applicationsWebRoutes } from './modules/admissions/applications.web.js';
import { reviewApiRoutes } from './modules/admissions/review.api.js';
import { reviewWebRoutes } from './modules/admissions/review.web.js';
import { catalogueApiRoutes } from './modules/catalogue/catalogue.api.js';
import { catalogueWebRoutes } from './modules/catalogue/catalogue.web.js';
import { credentialsApiRoutes } from './modules/credentials/web/credentials.api.js';
import { credentialsRoutes } from './modules/credentials/web/credentials.routes.js';
import { credentialsWebRoutes } from './modules/credentials/web/credentials.web.js';
import { adminWebRoutes } from './modules/identity/admin.web.js';
import { identityApiRoutes } from './modules/identity/identity.api.js';
import { identityWebRoutes } from './modules/identity/identity.web.js';
import { notificationsApiRoutes } from './modules/notifications/notifications.api.js';
import { notificationsWebRoutes } from './modules/notifications/notifications.web.js';
import { installUnreadCount } from './modules/notifications/unread-count.js';
import { importApiRoutes } from './modules/pathway/import/import.api.js';
import { importWebRoutes } from './modules/pathway/import/import.web.js';
import { pathwayApiRoutes } from './modules/pathway/web/pathway.api.js';
import { pathwayWebRoutes } from './modules/pathway/web/pathway.web.js';
import { placesApiRoutes } from './modules/places/places.api.js';
import { placesWebRoutes } from './modules/places/places.web.js';
import { programmesApiRoutes } from './modules/programmes/programmes.api.js';
import { programmesWebRoutes } from './modules/programmes/programmes.web.js';

export interface AppOptions {
  /** Pino logger settings; tests pass `false`. */
  logger?: boolean | { level: string };
}

/** Largest accepted request body (forms and JSON); uploads get their own limits later. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An API route anyone may call without a token (public reads of the catalogue and programmes). */
    public?: boolean;
  }
}

/**
 * API routes need a token unless marked `config: { public: true }`. Checked before the body is validated,
 * so an anonymous caller learns "sign in" (401) rather than the shape of a body it may not send anyway.
 * What a signed-in person may do is still decided by each use case's policy.
 */
function requireSignInUnlessPublic(api: FastifyInstance): void {
  api.addHook('preValidation', async (request) => {
    if (request.actor.kind === 'anonymous' && !request.routeOptions.config.public)
      throw new AppError('unauthenticated');
  });
}

/** Builds the whole HTTP application over the given dependencies (used by `main` and by tests). */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : newId();
    },
    requestIdHeader: false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
    frameguard: { action: 'deny' },
  });
  await app.register(fastifyCookie, { secret: deps.config.sessionSecret });
  await app.register(fastifyFormbody);
  // Uploads (result imports): read by the routes that take them, never attached to other routes' bodies.
  await app.register(fastifyMultipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, parts: 12 } });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'dp_csrf',
    cookieOpts: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      signed: true,
    },
    getToken: (request) => (request.body as Record<string, string> | undefined)?._csrf,
  });
  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('./web/static/', import.meta.url)),
    prefix: '/static/',
    maxAge: '1d',
  });
  await installOpenApi(app, deps);

  installRequestContext(app, deps);
  installUnreadCount(app, deps);
  installErrorHandling(app);

  healthRoutes(app, deps);
  languageRoutes(app, deps);
  identityWebRoutes(app, deps);
  adminWebRoutes(app, deps);
  programmesWebRoutes(app, deps);
  catalogueWebRoutes(app, deps);
  pathwayWebRoutes(app, deps);
  placesWebRoutes(app, deps);
  importWebRoutes(app, deps);
  jobsWebRoutes(app, deps);
  credentialsWebRoutes(app, deps);
  credentialsRoutes(app, deps);
  applicationsWebRoutes(app, deps);
  reviewWebRoutes(app, deps);
  notificationsWebRoutes(app, deps);
  await app.register(
    async (api) => {
      requireSignInUnlessPublic(api);
      identityApiRoutes(api, deps);
      programmesApiRoutes(api, deps);
      catalogueApiRoutes(api, deps);
      pathwayApiRoutes(api, deps);
      placesApiRoutes(api, deps);
      importApiRoutes(api, deps);
      credentialsApiRoutes(api, deps);
      applicationsApiRoutes(api, deps);
      reviewApiRoutes(api, deps);
      notificationsApiRoutes(api, deps);
    },
    { prefix: '/api/v1' },
  );
  return app;
}
