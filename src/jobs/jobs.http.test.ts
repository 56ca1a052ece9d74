import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { createTestApp } from '../../test/helpers/http.js';
import { Client, heading, signedIn } from '../../test/helpers/http-extra.js';
import { TEST_NOW, type TestDeps } from '../../test/helpers/test-deps.js';
import { translator } from '../i18n/i18n.js';
import { defineJob } from './job.js';
import { findJob } from './jobs.repository.js';
import { enqueueJob } from './queue.js';
import { runJobsUntilIdle } from './runner.js';

/** The page of background jobs (administrators, and managers read-only) and its retry button. */

const en = translator('en');
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`${dialect}: /admin/jobs`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    it('shows administrators the jobs with their state and last error, and retries a failed one', async () => {
      deps.clock.set(TEST_NOW);
      const failing = defineJob('test.http-failing', z.unknown(), async () => {
        throw new Error('the mail server said <no>');
      });
      const { id } = await enqueueJob(deps.db, deps.clock, {
        kind: 'test.http-failing',
        payload: {},
        maxAttempts: 1,
      });
      const done = await enqueueJob(deps.db, deps.clock, { kind: 'test.http-done', payload: {} });
      await runJobsUntilIdle(deps, [failing, defineJob('test.http-done', z.unknown(), async () => 'ok')]);

      const anonymous = new Client(app);
      expect((await anonymous.get('/admin/jobs')).statusCode).toBe(303);
      expect((await anonymous.send(`/admin/jobs/${id}/retry`)).statusCode).toBe(401);
      // Programme managers see the queue (a failed issuance is never silent) but do not retry.
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      const managerPage = await manager.get('/admin/jobs?status=failed');
      expect(managerPage.statusCode).toBe(200);
      expect(managerPage.body).toContain('the mail server said &lt;no>');
      expect(managerPage.body).not.toContain(`/admin/jobs/${id}/retry`);
      expect((await manager.send(`/admin/jobs/${id}/retry`)).statusCode).toBe(403);
      expect((await findJob(deps.db, id))?.status).toBe('failed');
      const { browser: participant } = await signedIn(app, deps, ['participant']);
      expect((await participant.get('/admin/jobs')).statusCode).toBe(403);

      const { browser: admin } = await signedIn(app, deps, ['administrator']);
      const page = await admin.get('/admin/jobs');
      expect(page.statusCode).toBe(200);
      expect(heading(page.body)).toBe(en.t('jobs.title'));
      expect(page.body).toContain('the mail server said &lt;no>');
      expect(page.body).toContain(`/admin/jobs/${id}/retry`);
      expect(page.body).not.toContain(`/admin/jobs/${done.id}/retry`);
      const failedOnly = await admin.get('/admin/jobs?status=failed');
      expect(failedOnly.body).toContain(id);
      expect(failedOnly.body).not.toContain(done.id);
      expect((await admin.get('/admin/jobs?status=exploded')).statusCode).toBe(400);

      const retried = await admin.send(`/admin/jobs/${id}/retry`);
      expect(retried.statusCode).toBe(303);
      expect(retried.headers.location).toBe('/admin/jobs');
      expect(await findJob(deps.db, id)).toMatchObject({ status: 'pending', attempts: 0 });
      expect((await admin.get('/admin/jobs')).body).toContain(en.t('jobs.flash.retried'));
      const again = await admin.send(`/admin/jobs/${id}/retry`);
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain(en.t('errors.invalid_state'));
      expect((await admin.send(`/admin/jobs/${UNKNOWN_ID}/retry`)).statusCode).toBe(404);
      expect((await admin.send('/admin/jobs/not-an-id/retry')).statusCode).toBe(404);
      expect((await admin.post(`/admin/jobs/${done.id}/retry`, {})).statusCode).toBe(403);
    });
  });
}
