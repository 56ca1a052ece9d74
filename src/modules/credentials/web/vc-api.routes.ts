/**
 * The W3C VC-API at the paths it fixes: verify credentials and presentations (anyone), challenges
 * (anyone), issue and update status (administrators' API tokens). One plugin scope with the VC-API's
 * interoperability rules: CORS (any origin; bearer tokens only, never cookies), `application/ld+json`
 * bodies, errors as problem details (RFC 9457: `type`, `title`, `detail`) in one shape for "bad input" and
 * "not verified", messages in English unless the caller asks for another language (`?lang=` or
 * Accept-Language), and a rate limit that counts verification work. Listed in docs/vc-api.md.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.js';
import { toAppError } from '../../../http/error-handler.js';
import { JSON_MAX_DEPTH, jsonNestsDeeperThan } from '../../../http/json-body.js';
import {
  DEFAULT_LOCALE,
  isLocale,
  negotiateLocale,
  type Translator,
  translator,
} from '../../../i18n/i18n.js';
import { AppError } from '../../../kernel/errors.js';
import {
  vcApiIssueSchema,
  vcApiStatusSchema,
  vcApiVerifyCredentialSchema,
  vcApiVerifyPresentationSchema,
} from '../credentials.schemas.js';
import { issueSuppliedCredential } from '../issuing/issue-supplied-credential.js';
import { updateSuppliedStatus } from '../issuing/update-supplied-status.js';
import { createChallenge } from '../verifying/create-challenge.js';
import { MAX_SUBMITTED_LENGTH } from '../verifying/request-limits.js';
import { VerificationBudget, verificationCost } from '../verifying/verification-budget.js';
import type { VerificationResult } from '../verifying/verify.js';
import { CHECK_IDS, type CheckId } from '../verifying/verify-checks.js';
import { verifySubmittedCredential } from '../verifying/verify-submitted-credential.js';
import { verifySubmittedPresentation } from '../verifying/verify-submitted-presentation.js';
import {
  jsonObject,
  presentCredentialVerification,
  presentPresentationVerification,
} from './credentials-json.js';

const tags = ['credentials'];
const security = [{ bearerAuth: [] }];
/** Public verification requests per client address and minute (the cost budget counts their work too). */
export const VERIFY_PER_MINUTE = 60;
/** Largest VC-API request body (a credential of MAX_SUBMITTED_LENGTH characters and its envelope). */
export const VC_API_BODY_LIMIT = MAX_SUBMITTED_LENGTH + 16_384;

/** The VC-API paths this scope serves (each answers a CORS preflight). */
export const VC_API_PATHS = [
  '/credentials/verify',
  '/presentations/verify',
  '/credentials/issue',
  '/credentials/status',
  '/challenges',
] as const;

/** Problem types: the VC 2.0 data model's where it names one, else `about:blank` (the HTTP status says it). */
export const PROBLEM_TYPES = {
  parsing: 'https://www.w3.org/TR/vc-data-model#PARSING_ERROR',
  malformed: 'https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR',
  cryptographic: 'https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR',
  range: 'https://www.w3.org/TR/vc-data-model#RANGE_ERROR',
  blank: 'about:blank',
} as const;

/** The language of VC-API messages: the one the caller asks for (`?lang=`, Accept-Language), else English. */
export function vcApiTranslator(request: FastifyRequest): Translator {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  return translator(
    isLocale(asked) ? asked : (negotiateLocale(request.headers['accept-language']) ?? DEFAULT_LOCALE),
  );
}

/** The problem details of an error on a VC-API path. */
export function problemOf(t: Translator, error: AppError) {
  const problem = String(error.params.problem ?? '');
  // A body the JSON parser refused (malformed, or nested deeper than the platform allows) cannot be parsed.
  const parsing = error.code === 'bad_request' || error.code === 'body_too_deep';
  const type = parsing
    ? PROBLEM_TYPES.parsing
    : error.code === 'validation_failed'
      ? PROBLEM_TYPES.malformed
      : PROBLEM_TYPES.blank;
  const detailId = `credential.vcApi.problem.${problem}`;
  return {
    type,
    title: t.t(
      `credential.vcApi.title.${parsing ? 'parsing' : error.code === 'validation_failed' ? 'malformed' : 'http'}`,
      {
        status: STATUS_CODES[error.status] ?? String(error.status),
      },
    ),
    detail: problem && t.has(detailId) ? t.t(detailId) : t.t(`errors.${error.code}`, error.params),
    code: error.code,
    ...(error.fields.length
      ? {
          errors: error.fields.map((field) => ({
            path: field.path,
            code: field.key.replace(/^validation\./, ''),
            message: t.has(field.key) ? t.t(field.key, field.values) : t.t('validation.invalid'),
          })),
        }
      : {}),
  };
}

const FAILURE_TYPES: Record<CheckId, string> = {
  schema: PROBLEM_TYPES.malformed,
  proof: PROBLEM_TYPES.cryptographic,
  validity: PROBLEM_TYPES.range,
  status: PROBLEM_TYPES.blank,
  issuer: PROBLEM_TYPES.blank,
};

/** The problem details of a credential that was read but not verified: the first failed check says why. */
function notVerified(t: Translator, result: VerificationResult) {
  const failed = result.checks.find((check) => !check.ok);
  const id = failed ? `credential.check.${failed.id}.${failed.message}` : '';
  return {
    type: failed ? FAILURE_TYPES[failed.id] : PROBLEM_TYPES.blank,
    title: t.t('credential.vcApi.title.notVerified'),
    detail: t.has(id) ? t.t(id) : (failed?.message ?? ''),
  };
}

/** Check names callers use for ours (VC-API `options.checks`). */
const CHECK_ALIASES: Record<string, CheckId> = {
  credentialSchema: 'schema',
  credentialStatus: 'status',
  expiration: 'validity',
  validFrom: 'validity',
  validUntil: 'validity',
  trust: 'issuer',
};

/** The checks a caller asked for (`options.checks`), the proof always among them; null: all of them. */
export function requestedChecks(options: { checks?: string[] } | undefined): Set<CheckId> | null {
  if (!options?.checks) return null;
  const checks = new Set<CheckId>(['proof']);
  options.checks.forEach((name, index) => {
    const id = (CHECK_IDS as readonly string[]).includes(name) ? (name as CheckId) : CHECK_ALIASES[name];
    if (!id)
      throw new AppError('validation_failed', {}, [
        { path: `options.checks.${index}`, key: 'validation.invalidChoice' },
      ]);
    checks.add(id);
  });
  return checks;
}

/** A result reduced to the checks asked for. */
function onlyChecks(result: VerificationResult, checks: Set<CheckId> | null): VerificationResult {
  if (!checks) return result;
  const kept = result.checks.filter((check) => checks.has(check.id));
  return { ...result, checks: kept, valid: kept.every((check) => check.ok) };
}

function corsHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('access-control-allow-origin', '*')
    .header('access-control-expose-headers', 'retry-after')
    .header('cross-origin-resource-policy', 'cross-origin');
}

/** Installs the VC-API routes in their own scope (see the banner). */
export function vcApiRoutes(root: FastifyInstance, deps: Deps): void {
  root.register(async (scope) => {
    const budget = new VerificationBudget();
    const parse = scope.getDefaultJsonParser('error', 'error');
    // JSON-LD bodies as JSON ones, with the same depth limit (src/http/json-body.ts).
    scope.addContentTypeParser(
      'application/ld+json',
      { parseAs: 'string', bodyLimit: VC_API_BODY_LIMIT },
      (request, body, done) => {
        if (jsonNestsDeeperThan(body as string, JSON_MAX_DEPTH))
          return done(new AppError('body_too_deep', { max: JSON_MAX_DEPTH }), undefined);
        parse(request, body as string, done);
      },
    );
    // JSON only: a form post (what a cross-site page can send without CORS) is not a VC-API request.
    scope.addHook('onRequest', async (request) => {
      const type = request.headers['content-type'];
      if (request.method === 'POST' && type !== undefined && !/^application\/(?:ld\+)?json\b/i.test(type))
        throw new AppError('bad_request', { problem: 'mediaType' });
    });
    scope.addHook('onSend', async (_request, reply) => {
      corsHeaders(reply);
    });
    scope.setErrorHandler((error, request, reply) => {
      const appError = toAppError(error);
      if (appError.code === 'internal') request.log.error({ err: error }, 'VC-API request failed');
      if (appError.code === 'too_many_attempts' && !reply.hasHeader('retry-after'))
        reply.header('retry-after', '60');
      return reply
        .status(appError.status)
        .type('application/problem+json; charset=utf-8')
        .send(problemOf(vcApiTranslator(request), appError));
    });
    for (const path of VC_API_PATHS) {
      scope.options(path, { schema: { hide: true } }, async (_request, reply) =>
        reply
          .status(204)
          .header('access-control-allow-methods', 'POST, OPTIONS')
          .header('access-control-allow-headers', 'Content-Type, Authorization, Accept-Language')
          .header('access-control-max-age', '86400')
          .send(),
      );
    }
    /** Spends the work a verification costs from the caller's budget; 429 when it is spent. */
    const charge = (request: FastifyRequest, reply: FastifyReply, document: unknown) => {
      const wait = budget.spend(request.ip, verificationCost(document));
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new AppError('too_many_attempts', { minutes: 1 });
      }
    };
    verifyRoutes(scope, deps, charge);
    issueRoutes(scope, deps);
  });
}

type Charge = (request: FastifyRequest, reply: FastifyReply, document: unknown) => void;

function verifyRoutes(scope: FastifyInstance, deps: Deps, charge: Charge): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const config = { rateLimit: { max: VERIFY_PER_MINUTE, timeWindow: '1 minute' } };
  const responses = { 200: jsonObject, 400: jsonObject, 413: jsonObject, 429: jsonObject };
  app.post(
    '/credentials/verify',
    {
      config,
      bodyLimit: VC_API_BODY_LIMIT,
      schema: {
        hide: true,
        tags,
        summary:
          'VC-API: verify a credential (Data Integrity JSON, VC-JWT or enveloped); 200 verified, 400 not',
        body: vcApiVerifyCredentialSchema,
        response: responses,
      },
    },
    async (request, reply) => {
      const t = vcApiTranslator(request);
      const checks = requestedChecks(request.body.options);
      charge(request, reply, request.body.verifiableCredential);
      const result = onlyChecks(
        await verifySubmittedCredential(deps.db, deps, request.body.verifiableCredential),
        checks,
      );
      const body = presentCredentialVerification(t, result);
      if (result.valid) return reply.send(body);
      return reply.status(400).send({ ...notVerified(t, result), ...body });
    },
  );
  app.post(
    '/presentations/verify',
    {
      config,
      bodyLimit: VC_API_BODY_LIMIT,
      schema: {
        hide: true,
        tags,
        summary: 'VC-API: verify a presentation and each credential in it; 200 verified, 400 not',
        body: vcApiVerifyPresentationSchema,
        response: responses,
      },
    },
    async (request, reply) => {
      const t = vcApiTranslator(request);
      const input = request.body.verifiablePresentation;
      if (typeof input === 'string') throw new AppError('bad_request', { problem: 'parsing' });
      const checks = requestedChecks(request.body.options);
      charge(request, reply, input);
      const { challenge, domain } = request.body.options ?? {};
      const result = await verifySubmittedPresentation(deps.db, deps, input, {
        ...(challenge !== undefined ? { challenge } : {}),
        ...(domain !== undefined ? { domain } : {}),
      });
      const credentials = result.credentials.map((item) => onlyChecks(item, checks));
      const shown = {
        ...result,
        credentials,
        valid: result.presentationProof.ok && credentials.every((item) => item.valid),
      };
      const body = presentPresentationVerification(t, shown);
      if (shown.valid) return reply.send(body);
      const failedCredential = credentials.find((item) => !item.valid);
      const problem = !result.presentationProof.ok
        ? {
            type: PROBLEM_TYPES.cryptographic,
            title: t.t('credential.vcApi.title.presentationNotVerified'),
            detail: t.t(`credential.vcApi.presentationProof.${result.presentationProof.message}`),
          }
        : notVerified(t, failedCredential!);
      return reply.status(400).send({ ...problem, ...body });
    },
  );
  app.post(
    '/challenges',
    { config, schema: { hide: true, tags, summary: 'VC-API: a single-use challenge for a presentation' } },
    async (_request, reply) => reply.status(201).send(await createChallenge(deps.db, deps)),
  );
}

function issueRoutes(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  // Authentication before the body is validated (as /api/v1 does): a stranger learns "sign in".
  const signedIn = async (request: FastifyRequest) => {
    if (request.actor.kind === 'anonymous') throw new AppError('unauthenticated');
  };
  app.post(
    '/credentials/issue',
    {
      bodyLimit: VC_API_BODY_LIMIT,
      schema: {
        hide: true,
        tags,
        summary:
          'VC-API: sign a VC 2.0 credential of our issuer (administrators’ API tokens), with status entries on request',
        security,
        body: vcApiIssueSchema,
        response: { 201: jsonObject, 400: jsonObject, 401: jsonObject, 403: jsonObject },
      },
      preValidation: signedIn,
    },
    async (request, reply) =>
      reply.status(201).send(await issueSuppliedCredential(deps.db, deps, request.actor, request.body)),
  );
  app.post(
    '/credentials/status',
    {
      schema: {
        hide: true,
        tags,
        summary:
          'VC-API: revoke, suspend or reinstate a credential signed through /credentials/issue with status entries',
        security,
        body: vcApiStatusSchema,
        response: { 200: jsonObject, 400: jsonObject, 401: jsonObject, 403: jsonObject, 404: jsonObject },
      },
      preValidation: signedIn,
    },
    async (request) => updateSuppliedStatus(deps.db, deps, request.actor, request.body),
  );
}
