import { getHeapStatistics } from 'node:v8';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.js';
import { prepareRequestLanguage } from './context.js';

/** When the server refuses new work with a fast 503 instead of queueing it (docs/operations.md). */
export interface LoadSheddingLimits {
  /** Requests in progress at once above which new ones are shed (0: never). */
  maxInFlight: number;
  /** Mean event-loop delay over a sample above which requests are shed (ms; 0: never). */
  maxEventLoopDelayMs: number;
  /** V8 heap in use above which requests are shed (bytes; 0: never). */
  maxHeapUsedBytes: number;
  /** Resident memory above which requests are shed (bytes; 0: never). */
  maxRssBytes: number;
  /** How often the figures are sampled (ms). */
  sampleIntervalMs: number;
}

/**
 * The defaults. The first limit is the number of requests in progress: a client's connection carries one
 * request at a time, so `npm run bench` (10–50 connections) never has more than 50 in progress, while 200
 * connections queue up to 200: beyond 100 the excess gets a fast 503 instead of waiting seconds in the
 * queue. It does not depend on how busy the machine is. The event-loop delay (mean over a sample) is the
 * backstop for a stalled process: a second is far above what a loaded 2-core machine shows at 50
 * connections (a few hundred ms when other processes starve it of CPU; see bench/README.md, the
 * resilience suite). The heap limit is 90 % of V8's, the last moment to refuse before the process dies
 * out of memory; resident memory is not limited unless SHED_RSS_MB says so.
 */
export const DEFAULT_LOAD_SHEDDING: LoadSheddingLimits = {
  maxInFlight: 100,
  maxEventLoopDelayMs: 1000,
  maxHeapUsedBytes: Math.round(getHeapStatistics().heap_size_limit * 0.9),
  maxRssBytes: 0,
  sampleIntervalMs: 250,
};

/** Paths never shed: liveness must say the process lives, readiness says itself that it is overloaded. */
const NEVER_SHED = new Set(['/healthz', '/readyz']);

/**
 * Load shedding: above a limit, every request (but the health checks) gets an immediate 503
 * `service_unavailable` with Retry-After, before its session is looked up or its body read, as a
 * translated page or the API's JSON error. Memory and event-loop delay through @fastify/under-pressure;
 * the requests in progress counted here. `app.isUnderPressure()` tells /readyz.
 */
export async function installLoadShedding(app: FastifyInstance, limits: LoadSheddingLimits): Promise<void> {
  let inFlight = 0;
  const counted = new WeakSet<FastifyRequest>();
  // Callback hooks (no promise per request): every request passes here.
  const finished = (request: FastifyRequest, _reply: unknown, next: () => void) => {
    if (counted.delete(request)) inFlight--;
    next();
  };
  app.addHook('onRequest', (request, _reply, next) => {
    if (NEVER_SHED.has(request.routeOptions.url ?? '')) return next();
    if (limits.maxInFlight > 0 && inFlight >= limits.maxInFlight) {
      prepareRequestLanguage(request);
      return next(new AppError('service_unavailable'));
    }
    inFlight++;
    counted.add(request);
    next();
  });
  app.addHook('onResponse', finished);
  app.addHook('onRequestAbort', (request, next) => finished(request, undefined, next));
  app.decorate('requestsInFlight', () => inFlight);
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxHeapUsedBytes: limits.maxHeapUsedBytes,
    maxRssBytes: limits.maxRssBytes,
    sampleInterval: limits.sampleIntervalMs,
    pressureHandler: (request: FastifyRequest) => {
      if (NEVER_SHED.has(request.routeOptions.url ?? '')) return undefined;
      prepareRequestLanguage(request);
      return Promise.reject(new AppError('service_unavailable'));
    },
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Requests in progress (counted by the load shedding). */
    requestsInFlight(): number;
  }
}
