import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../test/helpers/test-deps.js';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { translator } from '../i18n/i18n.js';

/**
 * Load shedding: above a limit every request but the health checks gets an immediate 503 with
 * Retry-After, a translated page or the API's JSON error; /healthz stays 200 (alive), /readyz says
 * "overloaded" (503); below the limit again, requests are served.
 */

let app: FastifyInstance | undefined;
let deps: TestDeps | undefined;
afterEach(async () => {
  await app?.close();
  await deps?.close();
  app = undefined;
  deps = undefined;
});

async function appWith(loadShedding: Config['loadShedding']): Promise<FastifyInstance> {
  deps = await createTestDeps('sqlite');
  deps.config.loadShedding = loadShedding;
  app = await buildApp(deps, { logger: false });
  await app.ready();
  return app;
}

const get = (url: string, headers: Record<string, string> = {}) =>
  app!.inject({ method: 'GET', url, headers });

describe('load shedding', () => {
  it('sheds every request but the health checks while the heap is over its limit', async () => {
    await appWith({ maxHeapUsedBytes: 1, sampleIntervalMs: 10 });
    await sleep(100);
    const page = await get('/courses', { 'accept-language': 'fr' });
    expect(page.statusCode).toBe(503);
    expect(page.headers['retry-after']).toBe('5');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(translator('fr').t('errors.service_unavailable'));
    const api = await get('/api/v1/courses');
    expect(api.statusCode).toBe(503);
    expect(api.headers['retry-after']).toBe('5');
    expect(api.json().error.code).toBe('service_unavailable');
    const post = await app!.inject({ method: 'POST', url: '/credentials/verify', payload: {} });
    expect(post.statusCode).toBe(503);
    expect((await get('/healthz')).statusCode).toBe(200);
    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'overloaded' });
  });

  it('sheds while the event loop lags, and serves again once it keeps up', async () => {
    await appWith({ maxEventLoopDelayMs: 100, sampleIntervalMs: 50 });
    expect((await get('/courses')).statusCode).toBe(200);
    const until = Date.now() + 1000;
    while (Date.now() < until) {
      // Busy: the event loop is blocked for a second, as by a queue of CPU-heavy requests.
    }
    await sleep(60);
    const shed = await get('/courses');
    expect(shed.statusCode).toBe(503);
    expect(shed.headers['retry-after']).toBe('5');
    expect((await get('/healthz')).statusCode).toBe(200);
    let status = 503;
    for (let i = 0; i < 40 && status === 503; i++) {
      await sleep(100);
      status = (await get('/courses')).statusCode;
    }
    expect(status).toBe(200);
    expect((await get('/readyz')).statusCode).toBe(200);
  });

  it('never sheds with the default limits on an idle server', async () => {
    await appWith(undefined);
    await sleep(300);
    expect((await get('/courses')).statusCode).toBe(200);
    expect((await get('/readyz')).statusCode).toBe(200);
  });
});
