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

async function appWith(
  loadShedding: Config['loadShedding'],
  extra?: (app: FastifyInstance) => void,
): Promise<FastifyInstance> {
  deps = await createTestDeps('sqlite');
  deps.config.loadShedding = loadShedding;
  app = await buildApp(deps, { logger: false });
  extra?.(app);
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

  it('sheds requests beyond the limit of requests in progress, and serves again once they are done', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await appWith({ maxInFlight: 2 }, (app) =>
      app.get('/__slow', async () => {
        await held;
        return { done: true };
      }),
    );
    const slow = [get('/__slow'), get('/__slow')];
    await sleep(50);
    const shed = await get('/api/v1/courses');
    expect(shed.statusCode).toBe(503);
    expect(shed.headers['retry-after']).toBe('5');
    expect(shed.json().error.code).toBe('service_unavailable');
    expect((await get('/healthz')).statusCode).toBe(200);
    expect((await get('/readyz')).json()).toEqual({ status: 'overloaded' });
    release();
    for (const response of await Promise.all(slow)) expect(response.statusCode).toBe(200);
    // The slow requests leave the count when their responses are finished (onResponse), which an injected
    // response may resolve just before: give the count a moment on a loaded machine.
    for (let i = 0; i < 40 && (await get('/readyz')).statusCode !== 200; i++) await sleep(25);
    expect((await get('/readyz')).statusCode).toBe(200);
    expect((await get('/api/v1/courses')).statusCode).toBe(200);
  });

  it('sheds while the event loop lags, and serves again once it keeps up', async () => {
    await appWith({ maxEventLoopDelayMs: 50, sampleIntervalMs: 50 });
    expect((await get('/courses')).statusCode).toBe(200);
    // The event loop blocked for 150 ms out of every 160, as by a queue of CPU-heavy requests.
    const busy = () => {
      const until = Date.now() + 150;
      while (Date.now() < until) {
        // blocking on purpose
      }
    };
    const lag = setInterval(busy, 10);
    await sleep(500);
    const shed = await get('/courses');
    clearInterval(lag);
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
