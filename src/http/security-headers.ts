/**
 * The security headers of every response (helmet's: CSP, frame, referrer, nosniff, HSTS behind https…),
 * worked out once at start-up. `@fastify/helmet` built a new helmet middleware on every request, parsing
 * the CSP directives each time (about 4 % of a small page's CPU time); the headers do not depend on the
 * request (no nonces), so they are computed once and set on each reply. A route may still replace or
 * remove one (the SCORM player's sandbox CSP does).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** Pure: the headers helmet sets for these options, as name → value. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  let finished = false;
  helmet(options)({} as IncomingMessage, response, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish synchronously');
  return headers;
}

/** Sets the headers on every reply, before anything else runs (errors and 404s included). */
export function installSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
