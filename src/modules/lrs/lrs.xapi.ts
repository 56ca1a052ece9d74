/**
 * The xAPI endpoints under /xapi (1.0.3 and 2.0.0). The platform declares them 'public': the LRS
 * authenticates every call but /about itself, by HTTP Basic with credentials administrators create
 * (never by the platform's session cookie or API tokens). Errors are xAPI-shaped JSON
 * (`{ errorId, message }`) with the protocol's status codes; every response carries
 * `X-Experience-API-Version`.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../http/error-handler.js';
import { isAppError } from '../../kernel/errors.js';
import { type DocumentKind, handleDocument } from './documents.js';
import { findActivity } from './lrs.repository.js';
import type { LrsCredentialRow } from './lrs.tables.js';
import { authenticateBasic } from './lrs-credentials.js';
import { readStatementsMultipart, writeMultipart } from './multipart-mixed.js';
import { getStatements } from './query-statements.js';
import { storeStatements } from './store-statements.js';
import { checkAgent, isObject, type JsonObject, XapiError } from './xapi-statement.js';
import { agentKey } from './xapi-statement-index.js';

/** Largest xAPI request body (statements with their attachments). */
export const XAPI_BODY_LIMIT_BYTES = 20 * 1024 * 1024;
/** Every xAPI resource (relative to /xapi). */
export const XAPI_PATHS = [
  '/about',
  '/statements',
  '/activities',
  '/agents',
  '/activities/state',
  '/activities/profile',
  '/agents/profile',
] as const;
const CORS_ALLOWED = 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match';
const CORS_EXPOSED =
  'ETag, Last-Modified, Content-Type, X-Experience-API-Version, X-Experience-API-Consistent-Through, Consistent-Through';
/**
 * The LRS's own JSON answers say `application/json`, without Fastify's `; charset=utf-8` (JSON is UTF-8 by
 * definition, RFC 8259; the ADL conformance suite compares the whole header). Documents keep the type stored.
 */
const JSON_TYPE = 'application/json';
const DOCUMENT_PATHS = new Set([
  '/xapi/activities/state',
  '/xapi/activities/profile',
  '/xapi/agents/profile',
]);
const VERSION = /^(?:1\.0(?:\.[0-3])?|2\.0\.0)$/;
/** The methods each resource takes; any other of GET/PUT/POST/DELETE answers 405 (Communication 3.2). */
const RESOURCE_METHODS: Record<(typeof XAPI_PATHS)[number], readonly string[]> = {
  '/about': ['GET'],
  '/statements': ['GET', 'PUT', 'POST'],
  '/activities': ['GET'],
  '/agents': ['GET'],
  '/activities/state': ['GET', 'PUT', 'POST', 'DELETE'],
  '/activities/profile': ['GET', 'PUT', 'POST', 'DELETE'],
  '/agents/profile': ['GET', 'PUT', 'POST', 'DELETE'],
};

/** A request as the xAPI handlers see it (the alternate request syntax of 1.0.3 unfolded). */
interface XapiCall {
  method: string;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  body: Buffer;
  version: string;
  credential: LrsCredentialRow;
}

declare module 'fastify' {
  interface FastifyRequest {
    xapi: XapiCall;
  }
}

function firstValues(object: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries((object ?? {}) as Record<string, unknown>))
    out[k] = Array.isArray(v) ? String(v[0]) : v === undefined ? undefined : String(v);
  return out;
}

const HEADER_FIELDS = [
  'authorization',
  'x-experience-api-version',
  'content-type',
  'content-length',
  'if-match',
  'if-none-match',
];

/** Unfolds the request (alternate syntax: POST ?method=… with the headers and content as form fields). */
function unfold(request: FastifyRequest): Omit<XapiCall, 'version' | 'credential'> {
  const query = firstValues(request.query);
  const headers = firstValues(request.headers);
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  // HEAD is answered as GET (the server leaves the body out): Communication 1.1.
  if (request.method !== 'POST' || query.method === undefined)
    return { method: request.method === 'HEAD' ? 'GET' : request.method, query, headers, body: raw };
  if (Object.keys(query).length !== 1)
    throw new XapiError(400, 'the alternate syntax allows only the method parameter');
  if (!/^application\/x-www-form-urlencoded\b/i.test(headers['content-type'] ?? ''))
    throw new XapiError(400, 'the alternate syntax needs a form body');
  const form = new URLSearchParams(raw.toString('utf8'));
  const unfolded: Record<string, string | undefined> = {};
  const innerHeaders: Record<string, string | undefined> = { ...headers, 'content-type': undefined };
  let content = Buffer.alloc(0);
  for (const [k, v] of form) {
    const lower = k.toLowerCase();
    if (lower === 'content') content = Buffer.from(v);
    else if (HEADER_FIELDS.includes(lower)) innerHeaders[lower] = v;
    else unfolded[k] = v;
  }
  // The content of the alternate syntax is JSON unless a Content-Type form field says otherwise.
  if (content.length > 0 && innerHeaders['content-type'] === undefined)
    innerHeaders['content-type'] = 'application/json';
  return {
    method: String(query.method).toUpperCase(),
    query: unfolded,
    headers: innerHeaders,
    body: content,
  };
}

function sendError(reply: FastifyReply, status: number, message: string) {
  if (status === 401) reply.header('www-authenticate', 'Basic realm="xAPI"');
  return reply.status(status).type(JSON_TYPE).send({ errorId: randomUUID(), message });
}

function documentRoutes(x: FastifyInstance, deps: Deps, path: string, kind: DocumentKind) {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const call = request.xapi;
    const result = await handleDocument(deps.db, deps, {
      kind,
      method: call.method as 'GET',
      query: call.query,
      contentType: call.headers['content-type'],
      body: call.body,
      ifMatch: call.headers['if-match'],
      ifNoneMatch: call.headers['if-none-match'],
    });
    if (result.etag) reply.header('etag', `"${result.etag}"`);
    if (result.lastModified) reply.header('last-modified', new Date(result.lastModified).toUTCString());
    if (result.body === undefined || result.body === null) return reply.status(result.status).send();
    if (Array.isArray(result.body))
      return reply
        .status(200)
        .type(JSON_TYPE)
        .send(Buffer.from(JSON.stringify(result.body)));
    return reply
      .status(result.status)
      .type(result.contentType ?? 'application/octet-stream')
      .send(Buffer.from(result.body));
  };
  for (const method of ['GET', 'PUT', 'POST', 'DELETE'] as const) x.route({ method, url: path, handler });
}

/** Registers /xapi/* (called from the module's web routes). */
export function xapiRoutes(app: FastifyInstance, deps: Deps): void {
  app.register(
    async (x) => {
      x.decorateRequest('xapi', null as never);
      // Basic credentials only, from content of any origin: no cookie, so no cross-site check (src/http/csrf.ts).
      x.addHook('onRoute', (route) => {
        route.config = { ...route.config, credentialsOnly: true };
      });
      x.removeAllContentTypeParsers();
      x.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: XAPI_BODY_LIMIT_BYTES }, (_r, body, done) =>
        done(null, body),
      );
      x.setErrorHandler((error, request, reply) => {
        if (error instanceof XapiError) return sendError(reply, error.status, error.message);
        const status = (error as { statusCode?: number }).statusCode;
        if (status && status >= 400 && status < 500)
          return sendError(reply, status, 'the request could not be read');
        // The server shedding load or its database unreachable: 503 with Retry-After, as every other 503.
        if (isAppError(error) && error.code !== 'service_unavailable' && error.code !== 'internal')
          return sendError(reply, error.status, error.code);
        if (isAppError(error, 'service_unavailable')) {
          if (!reply.hasHeader('retry-after'))
            reply.header('retry-after', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS));
          return sendError(reply, 503, 'the LRS is busy; try again shortly');
        }
        request.log.error({ err: error }, 'xAPI request failed');
        return sendError(reply, 500, 'internal error');
      });
      x.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'no such xAPI resource'));
      x.addHook('onSend', async (request, reply) => {
        // Every answer of the Statement resource, errors included, says how far the store is consistent.
        if (
          request.url.split('?')[0] === '/xapi/statements' &&
          !reply.hasHeader('x-experience-api-consistent-through')
        )
          setConsistentThrough(reply, deps.clock.now());
        const path = request.url.split('?')[0] ?? '';
        if (
          !DOCUMENT_PATHS.has(path) &&
          /^application\/json;\s*charset=utf-8$/i.test(String(reply.getHeader('content-type')))
        )
          reply.header('content-type', JSON_TYPE);
        reply.header('x-experience-api-version', request.xapi?.version?.startsWith('2.') ? '2.0.0' : '1.0.3');
        // Content (cmi5 AUs, often in another origin or a sandboxed frame) calls with Basic credentials,
        // never cookies: any origin may call, credentials are not shared.
        reply.header('access-control-allow-origin', '*');
        reply.header('access-control-expose-headers', CORS_EXPOSED);
      });
      for (const path of XAPI_PATHS)
        x.options(path, async (_request, reply) =>
          reply
            .status(204)
            .header('access-control-allow-methods', 'GET, PUT, POST, DELETE, OPTIONS')
            .header('access-control-allow-headers', CORS_ALLOWED)
            .header('access-control-max-age', '600')
            .send(),
        );
      // A method the resource does not take: 405 with Allow, before credentials (it is not about who asks).
      for (const path of XAPI_PATHS)
        for (const method of ['GET', 'PUT', 'POST', 'DELETE'] as const)
          if (!RESOURCE_METHODS[path].includes(method))
            x.route({
              method,
              url: path,
              config: { xapiMethodNotAllowed: true },
              handler: async (_request, reply) => {
                reply.header('allow', RESOURCE_METHODS[path].join(', '));
                return sendError(reply, 405, `${path} does not take ${method}`);
              },
            });
      x.addHook('preHandler', async (request) => {
        if (request.method === 'OPTIONS' || request.url.split('?')[0] === '/xapi/about') return;
        if ((request.routeOptions.config as { xapiMethodNotAllowed?: boolean }).xapiMethodNotAllowed) return;
        const call = unfold(request);
        const version = call.headers['x-experience-api-version'];
        if (!version || !VERSION.test(version))
          throw new XapiError(400, 'X-Experience-API-Version must be 1.0.x or 2.0.0');
        const credential = await authenticateBasic(deps.db, deps.clock.now(), call.headers.authorization);
        request.xapi = { ...call, version, credential: credential as LrsCredentialRow };
        if (!credential) throw new XapiError(401, 'valid HTTP Basic credentials are required');
      });

      x.get('/about', async (_request, reply) =>
        reply.send({ version: ['2.0.0', '1.0.3', '1.0.2', '1.0.1', '1.0.0'], extensions: {} }),
      );

      const statements = async (request: FastifyRequest, reply: FastifyReply) => {
        const call = request.xapi;
        if (call.method === 'GET') return sendStatements(request, reply, deps);
        if (call.method !== 'PUT' && call.method !== 'POST') throw new XapiError(405, 'method not allowed');
        const contentType = call.headers['content-type'] ?? '';
        let json: unknown;
        let parts: ReturnType<typeof readStatementsMultipart>['parts'] = [];
        if (/^multipart\/mixed\b/i.test(contentType))
          ({ json, parts } = readStatementsMultipart(call.body, contentType));
        else if (/^application\/json\b/i.test(contentType)) {
          try {
            json = JSON.parse(call.body.toString('utf8'));
          } catch {
            throw new XapiError(400, 'the statements are not valid JSON');
          }
        } else throw new XapiError(400, 'statements are sent as application/json or multipart/mixed');
        if (call.method === 'PUT') {
          if (!call.query.statementId) throw new XapiError(400, 'PUT needs the statementId parameter');
          if (!isObject(json)) throw new XapiError(400, 'PUT takes one statement');
          await storeStatements(deps.db, deps, call.credential, {
            statements: [json],
            parts,
            version: call.version,
            putId: call.query.statementId.toLowerCase(),
          });
          return reply.status(204).send();
        }
        const list = Array.isArray(json) ? json : [json];
        if (list.length === 0) throw new XapiError(400, 'no statement was sent');
        const ids = await storeStatements(deps.db, deps, call.credential, {
          statements: list,
          parts,
          version: call.version,
        });
        return reply.status(200).send(ids);
      };
      for (const method of ['GET', 'PUT', 'POST'] as const)
        x.route({ method, url: '/statements', handler: statements });

      documentRoutes(x, deps, '/activities/state', 'state');
      documentRoutes(x, deps, '/activities/profile', 'activity-profile');
      documentRoutes(x, deps, '/agents/profile', 'agent-profile');

      x.get('/activities', async (request, reply) => {
        const id = request.xapi.query.activityId;
        if (!id) throw new XapiError(400, 'the activityId parameter is required');
        const found = await findActivity(deps.db, id);
        const activity: JsonObject = { objectType: 'Activity', id };
        if (found) activity.definition = JSON.parse(found.definition_json) as JsonObject;
        return reply.send(activity);
      });
      x.get('/agents', async (request, reply) => {
        const text = request.xapi.query.agent;
        if (!text) throw new XapiError(400, 'the agent parameter is required');
        let agent: unknown;
        try {
          agent = JSON.parse(text);
        } catch {
          throw new XapiError(400, 'agent must be JSON');
        }
        checkAgent(agent, 'agent');
        if (!agentKey(agent)) throw new XapiError(400, 'agent must be identified');
        const a = agent as JsonObject;
        const person: JsonObject = { objectType: 'Person' };
        for (const k of ['name', 'mbox', 'mbox_sha1sum', 'openid', 'account'])
          if (a[k] !== undefined) person[k] = [a[k] ?? null];
        return reply.send(person);
      });
    },
    { prefix: '/xapi' },
  );
}

async function sendStatements(request: FastifyRequest, reply: FastifyReply, deps: Deps) {
  const call = request.xapi;
  const result = await getStatements(deps.db, deps, call.query, call.headers['accept-language']);
  setConsistentThrough(reply, deps.clock.now());
  if (result.lastModified) reply.header('last-modified', new Date(result.lastModified).toUTCString());
  if (call.query.attachments === 'true') {
    const { body, boundary } = writeMultipart(result.body, result.attachments);
    return reply.status(200).type(`multipart/mixed; boundary=${boundary}`).send(body);
  }
  return reply.status(200).type(JSON_TYPE).send(result.body);
}

/** The specification's name is X-Experience-API-Consistent-Through; the bare name is kept for older readers. */
function setConsistentThrough(reply: FastifyReply, now: Date) {
  const consistentThrough = now.toISOString();
  reply.header('x-experience-api-consistent-through', consistentThrough);
  reply.header('consistent-through', consistentThrough);
}
