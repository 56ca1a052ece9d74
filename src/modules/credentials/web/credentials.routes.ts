import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.js';
import { errorResponses } from '../../../http/api-schemas.js';
import { AppError, isAppError } from '../../../kernel/errors.js';
import { getCredentialDocument } from '../get-credential-document.js';
import { getIssuerKeys } from '../keys/get-issuer-keys.js';
import { getIssuerProfileDocument } from '../keys/get-issuer-profile.js';
import { didDocumentPath } from '../keys/issuer-did.js';
import { credentialPdf } from '../pdf/credential-pdf.js';
import { getStatusList } from '../status/get-status-list.js';
import { getCredentialForVerification } from '../verifying/get-credential-for-verification.js';
import { jsonObject } from './credentials-json.js';
import { obApiRoutes } from './ob-api.routes.js';
import { vcApiRoutes } from './vc-api.routes.js';

const tags = ['credentials'];
const security = [{ bearerAuth: [] }];
const DOCUMENT_MAX_AGE = 'public, max-age=300';
/** Retry-After of a PDF that could not be produced (the PDF job retries on its own meanwhile). */
const PDF_RETRY_AFTER_SECONDS = 300;

/** Headers of a public machine document: any site (a wallet in a browser) may read it. */
function publicDocument(reply: FastifyReply, cacheControl: string): FastifyReply {
  return reply
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', cacheControl);
}

/** True when an If-None-Match header names `etag` (or `*`). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim().replace(/^W\//, '');
    return value === '*' || value === etag;
  });
}

/**
 * The credentials module's machine endpoints outside /api/v1, at the paths their standards fix: the
 * issuer's DID document and JWKS, the status lists, the OB profile and API, the W3C VC-API, the holder's
 * downloads and the printed short link. JSON errors and bearer tokens (src/http/context.ts), except the
 * downloads, which a browser fetches with its session (or a client with a bearer token), and the short
 * link, a web redirect. Hidden from the OpenAPI document of /api/v1; listed in docs/api.md § Credentials.
 */
export function credentialsRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    didDocumentPath(deps.config.baseUrl),
    {
      schema: {
        hide: true,
        tags,
        summary: 'The issuer’s did:web DID document',
        response: { 200: jsonObject },
      },
    },
    async (_request, reply) =>
      publicDocument(reply, DOCUMENT_MAX_AGE)
        .type('application/did+json')
        .send((await getIssuerKeys(deps.db, deps)).didDocument),
  );
  app.get(
    '/.well-known/jwks.json',
    {
      schema: { hide: true, tags, summary: 'The issuer’s public keys (JWKS)', response: { 200: jsonObject } },
    },
    async (_request, reply) =>
      publicDocument(reply, DOCUMENT_MAX_AGE)
        .type('application/jwk-set+json')
        .send((await getIssuerKeys(deps.db, deps)).jwks),
  );
  app.get(
    '/status-lists/:list',
    {
      schema: {
        hide: true,
        tags,
        summary: 'A signed BitstringStatusListCredential (revocation, suspension); ETag / If-None-Match',
        params: z.object({ list: z.string().max(40) }),
        response: { 200: z.string(), 304: z.null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const list = await getStatusList(deps.db, deps, request.params.list);
      publicDocument(reply, 'public, no-cache')
        .header('etag', list.etag)
        .header('last-modified', new Date(list.updatedAt).toUTCString());
      if (etagMatches(request.headers['if-none-match'], list.etag)) return reply.status(304).send(null);
      return reply.type('application/vc+ld+json; charset=utf-8').send(list.body);
    },
  );
  app.get(
    '/ob/profile',
    {
      schema: {
        hide: true,
        tags,
        summary: 'The issuer as an Open Badges 3.0 Profile',
        response: { 200: jsonObject },
      },
    },
    async (request, reply) =>
      publicDocument(reply, DOCUMENT_MAX_AGE)
        .type('application/ld+json')
        .send(await getIssuerProfileDocument(deps.db, deps, request.locale)),
  );

  vcApiRoutes(root, deps);
  downloadRoutes(root, deps);
  root.register(async (scope) => obApiRoutes(scope, deps), { prefix: '/ims/ob/v3p0' });

  // The short link printed under the QR code: /v/ABCD-EFGH → the verification page.
  app.get('/v/:code', { schema: { hide: true } }, async (request, reply) => {
    const code = (request.params as { code: string }).code;
    const view = await getCredentialForVerification(deps.db, deps, code);
    return reply.redirect(`/verify/${view.id}`, 302);
  });
}

const FILE_PATTERN =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(json|jwt|clr\.json|pdf)$/;

/** The holder's downloads: `/credentials/<id>.json|.jwt[?alg=RS256|EdDSA]|.clr.json|.pdf`. */
function downloadRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/credentials/:file',
    {
      // A client with a bearer token gets the API's treatment; a browser its session (src/http/context.ts).
      config: { tokenOrSession: true },
      schema: {
        hide: true,
        tags,
        summary:
          'Download a credential: .json (Data Integrity), .jwt?alg=RS256|EdDSA, .clr.json (diploma), .pdf — holder or managers',
        security,
        params: z.object({ file: z.string().max(80) }),
        querystring: z.object({ alg: z.enum(['RS256', 'EdDSA']).default('RS256') }),
        response: { 200: z.unknown(), ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request, reply) => {
      const match = FILE_PATTERN.exec(request.params.file);
      if (!match) throw new AppError('not_found');
      const [, id, extension] = match as unknown as [string, string, string];
      reply.header('cache-control', 'private, no-store');
      if (extension === 'pdf') {
        // A PDF that cannot be produced now answers pdf_unavailable (503): a translated page for a browser,
        // a JSON error for a client with a token, and when to try again.
        const { bytes, fileName } = await credentialPdf(deps.db, deps, request.actor, id).catch(
          (error: unknown) => {
            if (isAppError(error, 'pdf_unavailable'))
              reply.header('retry-after', String(PDF_RETRY_AFTER_SECONDS));
            throw error;
          },
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .send(Buffer.from(bytes));
      }
      const format =
        extension === 'json'
          ? 'json'
          : extension === 'clr.json'
            ? 'clr'
            : request.query.alg === 'EdDSA'
              ? 'jwt-eddsa'
              : 'jwt-rs256';
      const document = await getCredentialDocument(deps.db, deps, request.actor, id, format);
      return reply
        .type(`${document.mediaType}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="${document.fileName}"`)
        .send(document.body);
    },
  );
}
