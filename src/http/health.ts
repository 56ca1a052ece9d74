import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from './error-handler.js';

/**
 * Liveness (`/healthz`: the process answers, even while shedding load) and readiness (`/readyz`: the
 * database answers and the server is not shedding load).
 */
export function healthRoutes(
  app: FastifyInstance,
  deps: Deps,
  inFlightLimit = Number.POSITIVE_INFINITY,
): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    // Shedding load: not ready for more (a balancer sends the traffic elsewhere), though alive.
    if (app.isUnderPressure() || app.requestsInFlight() >= inFlightLimit)
      return reply
        .status(503)
        .header('retry-after', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS))
        .send({ status: 'overloaded' });
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok', database: deps.dialect };
    } catch (error) {
      request.log.error({ err: error }, 'readiness check failed');
      return reply
        .status(503)
        .header('retry-after', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS))
        .send({ status: 'unavailable' });
    }
  });
}
