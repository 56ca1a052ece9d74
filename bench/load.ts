/**
 * One load scenario with autocannon, in this (the parent) process: a warm-up run that is thrown away,
 * then the measured run. autocannon's own latency histogram keeps whole milliseconds only, too coarse
 * for sub-millisecond pages, so the latency percentiles here come from every 2xx response time it
 * reports (hrtime, microsecond precision).
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  connections: number;
  /** Measured seconds. */
  duration: number;
  /** Seconds of warm-up before the measured run (JIT, caches, connection set-up). */
  warmup: number;
  /** Request headers (a signed-in page's session cookie). */
  headers?: Record<string, string>;
  /** The path of each request, when it should vary (a random credential of many); default: the URL's. */
  nextPath?: () => string;
}

export interface LoadResult {
  /** 2xx responses per second over the measured run. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  responses: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Mean response body size in bytes. */
  bytesPerResponse: number;
}

/** Runs the warm-up and the measured run against `url`; throws when any response is not 2xx. */
export async function measure(url: string, options: LoadOptions): Promise<LoadResult> {
  const { nextPath } = options;
  const requests = nextPath
    ? {
        requests: [
          { setupRequest: (request: Record<string, unknown>) => ({ ...request, path: nextPath() }) },
        ],
      }
    : {};
  if (options.warmup > 0) {
    const warm = await autocannon({
      url,
      connections: options.connections,
      duration: options.warmup,
      headers: options.headers ?? {},
      ...requests,
    });
    if (warm.non2xx > 0) throw new Error(`${url}: ${warm.non2xx} non-2xx responses during warm-up`);
  }
  const times: number[] = [];
  const run = autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    headers: options.headers ?? {},
    ...requests,
  });
  (run as unknown as NodeJS.EventEmitter).on(
    'response',
    (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    },
  );
  const result = await run;
  if (result.non2xx > 0) {
    const codes = Object.keys(result.statusCodeStats).join(', ');
    throw new Error(`${url}: ${result.non2xx} non-2xx responses (status codes seen: ${codes})`);
  }
  const sorted = Float64Array.from(times).sort();
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? 0,
    responses: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: result['2xx'] ? result.throughput.total / result['2xx'] : 0,
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** What a run that may see errors on purpose (overload, soak) gives: every status counted. */
export interface MixedResult {
  responses: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
  /** Latency percentiles of every response, whatever its status. */
  p50Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  /** Responses per second (every status). */
  requestsPerSecond: number;
}

/** Runs autocannon once (for `duration` seconds or `amount` requests) without failing on non-2xx. */
export async function measureMixed(
  url: string,
  options: {
    connections: number;
    duration?: number;
    amount?: number;
    method?: string;
    body?: string;
    headers?: Record<string, string>;
  },
): Promise<MixedResult> {
  const times: number[] = [];
  const run = autocannon({
    url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 10 }),
    ...(options.method ? { method: options.method } : {}),
    ...(options.body ? { body: options.body } : {}),
    headers: options.headers ?? {},
    timeout: 10,
  });
  (run as unknown as NodeJS.EventEmitter).on(
    'response',
    (_client: unknown, _statusCode: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
    },
  );
  const result = await run;
  const sorted = Float64Array.from(times).sort();
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statuses[code] = count;
  return {
    responses: times.length,
    statuses,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    errors: result.errors,
    timeouts: result.timeouts,
    requestsPerSecond: times.length / result.duration,
  };
}
