import { getHeapStatistics } from 'node:v8';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.js';
import { prepareRequestLanguage } from './context.js';

/** When the server refuses new work with a fast 503 instead of queueing it (docs/operations.md). */
export interface LoadSheddingLimits {
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
 * The defaults. The event-loop delay is what a queue of requests shows first: at 10–50 connections
 * (`npm run bench`) its mean stays far below 200 ms on the 2-core machine even on the heaviest pages, while
 * at 200 connections on a page costing a few milliseconds it passes it within a second (bench/README.md,
 * the resilience suite). The heap limit is 90 % of V8's, the last moment to refuse before the process
 * dies out of memory; resident memory is not limited unless MAX_RSS_MB says so.
 */
export const DEFAULT_LOAD_SHEDDING: LoadSheddingLimits = {
  maxEventLoopDelayMs: 200,
  maxHeapUsedBytes: Math.round(getHeapStatistics().heap_size_limit * 0.9),
  maxRssBytes: 0,
  sampleIntervalMs: 250,
};

/** Paths never shed: liveness must say the process lives, readiness says itself that it is overloaded. */
const NEVER_SHED = new Set(['/healthz', '/readyz']);

/**
 * Load shedding with @fastify/under-pressure: above a limit, every request (but the health checks) gets
 * an immediate 503 `service_unavailable` with Retry-After, before its session is looked up or its body
 * read, as a translated page or the API's JSON error. `app.isUnderPressure()` tells /readyz.
 */
export async function installLoadShedding(app: FastifyInstance, limits: LoadSheddingLimits): Promise<void> {
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
