import { createHash, createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.js';

/**
 * Cross-site request forgery, in two layers besides the SameSite=Lax cookies:
 * - every form's token is bound to the session it was made for (`getUserInfo` of
 *   @fastify/csrf-protection): a token and CSRF cookie taken from one session (or from a signed-out
 *   browser) are refused with another session, so planting a pair in a victim's browser does not work;
 * - a state-changing request to a web route that says where it comes from is refused when that is another
 *   site: `Sec-Fetch-Site` other than `same-origin` or `none`, or else an `Origin` other than ours. A request
 *   with neither header (scripts, older clients) is judged by its token alone.
 */

/** The HMAC key of the CSRF tokens, derived from the session secret. */
export function csrfHmacKey(sessionSecret: string): Buffer {
  return createHmac('sha256', sessionSecret).update('csrf-token-binding').digest();
}

/** What a CSRF token is bound to: the session (by a hash of its id), or "signed out". */
export function csrfSessionBinding(request: FastifyRequest): string {
  return request.sessionToken
    ? `session:${createHash('sha256').update(request.sessionToken).digest('base64url')}`
    : 'signed-out';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Pure: true when the request's `Sec-Fetch-Site` / `Origin` headers say it comes from another site. */
export function isCrossSite(
  headers: { 'sec-fetch-site'?: string | string[]; origin?: string | string[] },
  ownOrigins: readonly string[],
): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = headers.origin;
  if (typeof origin === 'string') return !ownOrigins.includes(origin.toLowerCase());
  return false;
}

/**
 * Refuses (403 `csrf_invalid`) a state-changing request to a web route that comes from another site, before
 * its body is read. API routes (bearer tokens, never cookies) are not concerned.
 */
export function installCrossSiteCheck(app: FastifyInstance, baseUrl: string): void {
  const configured = new URL(baseUrl).origin.toLowerCase();
  app.addHook('onRequest', (request, _reply, next) => {
    if (SAFE_METHODS.has(request.method) || request.isApi) return next();
    if ((request.routeOptions.config as { credentialsOnly?: boolean } | undefined)?.credentialsOnly)
      return next();
    const own = [configured, `${request.protocol}://${request.host}`.toLowerCase()];
    next(isCrossSite(request.headers, own) ? new AppError('csrf_invalid') : undefined);
  });
}
