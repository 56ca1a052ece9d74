import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { buildApp } from '../../app.js';
import { systemActor } from '../../kernel/actor.js';
import { createLrsCredential } from './lrs-credentials.js';

/** An LRS client refused by the load shedding is told to come back (503, Retry-After), xAPI-shaped, not 500. */
describe('sqlite: the LRS under load shedding', () => {
  let deps: TestDeps;
  afterAll(() => deps.close());

  it('answers 503 with Retry-After and an xAPI error while the server sheds load', async () => {
    deps = await createTestDeps('sqlite');
    const { key, secret } = await createLrsCredential(deps.db, deps, systemActor('test'), { name: 'busy' });
    deps.config.loadShedding = { maxHeapUsedBytes: 1, sampleIntervalMs: 10 };
    const app = await buildApp(deps, { logger: false });
    await app.ready();
    try {
      await sleep(100);
      const response = await app.inject({
        method: 'POST',
        url: '/xapi/statements',
        headers: {
          authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
          'x-experience-api-version': '1.0.3',
          'content-type': 'application/json',
        },
        payload: '[]',
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json().message).toMatch(/busy/);
    } finally {
      await app.close();
    }
  });
});
