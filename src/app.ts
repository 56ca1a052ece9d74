import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from './deps.js';
import { installRequestContext, markMachineRoutes } from './http/context.js';
import { csrfHmacKey, csrfSessionBinding, installCrossSiteCheck } from './http/csrf.js';
import { installErrorHandling } from './http/error-handler.js';
import { healthRoutes } from './http/health.js';
import { installJsonBodyParser } from './http/json-body.js';
import { languageRoutes } from './http/language.js';
import { DEFAULT_LOAD_SHEDDING, installLoadShedding } from './http/load-shedding.js';
import { installOpenApi } from './http/openapi.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { IMPORT_MAX_BYTES } from './integrations/spreadsheets/read-spreadsheet.js';
import { AppError } from './kernel/errors.js';
import { newId } from './kernel/ids.js';
import { allNavigation } from './modules/index.js';
import type { Module, NavigationItem } from './modules/module.js';

export interface AppOptions {
  /** Pino logger settings; tests pass `false`. */
  logger?: boolean | { level: string };
}

/** Largest accepted request body (forms and JSON); uploads get their own limits later. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

declare module 'fastify' {
  interface FastifyInstance {
    /** The main navigation, from the modules' descriptors. */
    navigation: readonly NavigationItem[];
    /** `METHOD /path` → the module that registered it (`platform` for the platform's own routes). */
    routeModules: ReadonlyMap<string, string>;
  }
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

/**
 * Records a module's route and puts its declared access (`Module.routeAccess`) in front of it: before the
 * body is even validated, a person who may never use the route gets 401 (signed out) or 403 (no role for
 * it). The use case still decides about the particular record. A route without a declaration stops the
 * start: every route joins the route × role matrix.
 */
function guardRoute(route: RouteOptions, module: Module, routeModules: Map<string, string>): void {
  const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
  if (methods.length === 0) return;
  for (const method of methods) routeModules.set(`${method} ${route.url}`, module.name);
  const declared = methods.map((method) => module.routeAccess?.[`${method} ${route.url}`]);
  const access = declared[0];
  if (!access || declared.some((d) => d !== access))
    throw new Error(
      `${methods.join(',')} ${route.url} (module ${module.name}) has no routeAccess declaration`,
    );
  if (access === 'public') return;
  const guard = async (request: FastifyRequest) => {
    if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
    if (access === 'signed-in') return;
    const roles = request.actor.roles;
    if (!access.some((role) => roles.includes(role))) throw new AppError('forbidden');
  };
  const existing = route.preValidation;
  // After the route's own checks (a form's CSRF token is judged first), before its body is validated.
  route.preValidation = existing ? [...(Array.isArray(existing) ? existing : [existing]), guard] : guard;
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
  // Before any route: the API-or-web decision is a property of the route, read from its config.
  markMachineRoutes(app);
  installJsonBodyParser(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Set as the request arrives (kept on error replies and 404s): no promise per reply, as an async onSend had.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  installSecurityHeaders(app, {
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
  // After the cookies (a shed page is in the reader's language), before anything reads the database.
  const shedding = { ...DEFAULT_LOAD_SHEDDING, ...deps.config.loadShedding };
  await installLoadShedding(app, shedding);
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
    // A token made for one session is refused with another (or signed out): src/http/csrf.ts.
    csrfOpts: { hmacKey: csrfHmacKey(deps.config.sessionSecret) },
    getUserInfo: csrfSessionBinding,
  });
  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('./web/static/', import.meta.url)),
    prefix: '/static/',
    maxAge: '1d',
  });
  await installOpenApi(app, deps);

  installRequestContext(app, deps);
  installCrossSiteCheck(app, deps.config.baseUrl);
  for (const module of deps.modules) module.hooks?.(app, deps);
  installErrorHandling(app);
  app.decorate('navigation', allNavigation(deps.modules));

  // Every route belongs to the module that registered it and declares who may reach it.
  const routeModules = new Map<string, string>();
  app.decorate('routeModules', routeModules);
  const modularRoutes = (scope: FastifyInstance, module: Module) =>
    scope.addHook('onRoute', (route) => guardRoute(route, module, routeModules));

  healthRoutes(app, deps, shedding.maxInFlight || Number.POSITIVE_INFINITY);
  languageRoutes(app, deps);
  for (const module of deps.modules) {
    const webRoutes = module.webRoutes;
    if (!webRoutes) continue;
    await app.register(async (scope) => {
      modularRoutes(scope, module);
      webRoutes(scope, deps);
    });
  }
  await app.register(
    async (api) => {
      requireSignInUnlessPublic(api);
      for (const module of deps.modules) {
        const apiRoutes = module.apiRoutes;
        if (!apiRoutes) continue;
        await api.register(async (scope) => {
          modularRoutes(scope, module);
          apiRoutes(scope, deps);
        });
      }
    },
    { prefix: '/api/v1' },
  );
  return app;
}
