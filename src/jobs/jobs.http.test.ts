import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { createTestApp } from '../../test/helpers/http.js';
import { Client, heading, signedIn } from '../../test/helpers/http-extra.js';
import { TEST_NOW, type TestDeps } from '../../test/helpers/test-deps.js';
import { translator } from '../i18n/i18n.js';
import { listAuditEvents } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { defineJob } from './job.js';
import { EnvironmentJobError } from './job-errors.js';
import { findJob } from './jobs.repository.js';
import { enqueueJob } from './queue.js';
import { runJobsUntilIdle } from './runner.js';

/** The page of background jobs (administrators, and managers read-only) and its retry button. */

const en = translator('en');
const fr = translator('fr');
const es = translator('es');
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
      // Programme managers see the queue (a failed issuance is never silent) but do not retry; the error is a
      // summary of its kind in their language, never the raw (English, technical) text.
      const { browser: manager } = await signedIn(app, deps, ['manager'], { locale: 'fr' });
      const managerPage = await manager.get('/admin/jobs?status=failed');
      expect(managerPage.statusCode).toBe(200);
      expect(managerPage.body).toContain(fr.t('jobs.errorKind.internal'));
      expect(managerPage.body).not.toContain('the mail server said');
      expect(managerPage.body).not.toContain(`/admin/jobs/${id}/retry`);
      expect(managerPage.body).not.toContain('/admin/jobs/retry-failed');
      expect((await manager.send(`/admin/jobs/${id}/retry`)).statusCode).toBe(403);
      expect((await findJob(deps.db, id))?.status).toBe('failed');
      const { browser: participant } = await signedIn(app, deps, ['participant']);
      expect((await participant.get('/admin/jobs')).statusCode).toBe(403);

      const { browser: admin } = await signedIn(app, deps, ['administrator']);
      const page = await admin.get('/admin/jobs');
      expect(page.statusCode).toBe(200);
      expect(heading(page.body)).toBe(en.t('jobs.title'));
      expect(page.body).toContain(en.t('jobs.errorKind.internal'));
      expect(page.body).toMatch(
        /<details><summary>[^<]+<\/summary><p>[^<]+<\/p><pre class="job-error" lang="en">the mail server said &lt;no><\/pre><\/details>/,
      );
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

for (const dialect of DIALECTS) {
  describe(`${dialect}: /admin/jobs — errors in the page's language, retrying failed jobs in bulk`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    /** `count` jobs of `kind` that fail at their only attempt with `error`. */
    async function failedJobs(kind: string, count: number, error: () => Error): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i++)
        ids.push((await enqueueJob(deps.db, deps.clock, { kind, payload: {}, maxAttempts: 1 })).id);
      await runJobsUntilIdle(deps, [
        defineJob(kind, z.unknown(), async () => {
          throw error();
        }),
      ]);
      return ids;
    }

    it('shows a job error as a translated summary of its kind, the raw text only in details for administrators', async () => {
      deps.clock.set(TEST_NOW);
      const [refused] = await failedJobs('test.http-refused', 1, () => new AppError('invalid_state'));
      const { browser: admin } = await signedIn(app, deps, ['administrator'], { locale: 'es' });
      const page = await admin.get('/admin/jobs?kind=test.http-refused');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(refused);
      expect(page.body).toContain(es.t('jobs.errorKind.domain'));
      expect(page.body).toContain(`<summary>${es.t('jobs.errorDetails')}</summary>`);
      // A failure of the environment is not final: the job waits for its next try, without spending attempts.
      const waiting = await enqueueJob(deps.db, deps.clock, {
        kind: 'test.http-env',
        payload: {},
        maxAttempts: 1,
      });
      await runJobsUntilIdle(deps, [
        defineJob('test.http-env', z.unknown(), async () => {
          throw new EnvironmentJobError('font file missing');
        }),
      ]);
      expect(await findJob(deps.db, waiting.id)).toMatchObject({
        status: 'pending',
        attempts: 0,
        environment_failures: 1,
        error_kind: 'environment',
      });
      const pending = await admin.get('/admin/jobs?kind=test.http-env');
      expect(pending.body).toContain(es.t('jobs.errorKind.environment'));
      expect(pending.body).toContain(es.t('jobs.environmentFailures', { count: 1 }));
      expect(pending.body).not.toContain(`/admin/jobs/${waiting.id}/retry`);
    });

    it("says a job's error from the platform in the page's language (French), with the job's name, not its id", async () => {
      deps.clock.set(TEST_NOW);
      const [refused] = await failedJobs('credentials.render-pdf', 1, () => new AppError('already_exists'));
      const { browser: manager } = await signedIn(app, deps, ['manager'], { locale: 'fr' });
      const page = await manager.get('/admin/jobs?kind=credentials.render-pdf');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(fr.t('errors.already_exists'));
      expect(page.body).toContain(fr.t('jobs.kind.credentials.render-pdf'));
      expect(page.body).not.toContain('AppError');
      expect(page.body).not.toContain(refused);
      // Administrators find the job's number and the raw text folded away in the details.
      const { browser: admin } = await signedIn(app, deps, ['administrator'], { locale: 'fr' });
      const details = (await admin.get('/admin/jobs?kind=credentials.render-pdf')).body;
      expect(details).toContain(fr.t('errors.already_exists'));
      expect(details).toContain(fr.t('auditPages.jobId', { id: refused! }));
    });

    it('retries every failed job, or those of one kind, at once (administrators; CSRF; audited)', async () => {
      deps.clock.set(TEST_NOW);
      const pdfs = await failedJobs('test.bulk-pdf', 3, () => new Error('no fonts'));
      const mails = await failedJobs('test.bulk-mail', 2, () => new Error('smtp down'));
      const done = await enqueueJob(deps.db, deps.clock, { kind: 'test.bulk-pdf', payload: {} });
      await runJobsUntilIdle(deps, [defineJob('test.bulk-pdf', z.unknown(), async () => 'ok')]);
      const status = async (ids: string[]) =>
        (await Promise.all(ids.map((id) => findJob(deps.db, id)))).map((job) => job?.status);

      expect(
        (await new Client(app).send('/admin/jobs/retry-failed', { kind: 'test.bulk-pdf' })).statusCode,
      ).toBe(401);
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      expect((await manager.send('/admin/jobs/retry-failed', { kind: 'test.bulk-pdf' })).statusCode).toBe(
        403,
      );
      const { browser: admin } = await signedIn(app, deps, ['administrator'], { locale: 'fr' });
      expect((await admin.post('/admin/jobs/retry-failed', { kind: 'test.bulk-pdf' })).statusCode).toBe(403);
      expect((await admin.send('/admin/jobs/retry-failed', { kind: 'Not a kind!' })).statusCode).toBe(400);
      expect(await status([...pdfs, ...mails])).toEqual(Array(5).fill('failed'));

      // The button says how many, in the page's language, for the kind filtered on.
      const listed = await admin.get('/admin/jobs?status=failed&kind=test.bulk-pdf');
      expect(listed.body).toContain(fr.t('jobs.retryFailedOfKind', { count: 3, kind: 'test.bulk-pdf' }));
      expect(listed.body).toContain('<input type="hidden" name="kind" value="test.bulk-pdf"/>');

      const ofKind = await admin.send('/admin/jobs/retry-failed', { kind: 'test.bulk-pdf' });
      expect(ofKind.statusCode).toBe(303);
      expect(ofKind.headers.location).toBe('/admin/jobs?status=pending&kind=test.bulk-pdf');
      expect(await status(pdfs)).toEqual(['pending', 'pending', 'pending']);
      expect(await status(mails)).toEqual(['failed', 'failed']);
      expect((await findJob(deps.db, done.id))?.status).toBe('succeeded');
      expect(await findJob(deps.db, pdfs[0]!)).toMatchObject({ attempts: 0, environment_failures: 0 });
      expect((await admin.get(ofKind.headers.location as string)).body).toContain(
        fr.t('jobs.flash.retriedMany'),
      );
      const audit = await listAuditEvents(deps.db, 'job', pdfs[0]!);
      expect(audit).toMatchObject([
        {
          action: 'job.retried',
          before: { kind: 'test.bulk-pdf', lastError: 'no fonts' },
          after: { bulk: true },
        },
      ]);

      const all = await admin.send('/admin/jobs/retry-failed', { kind: '' });
      expect(all.statusCode).toBe(303);
      expect(await status(mails)).toEqual(['pending', 'pending']);
      const again = await admin.send('/admin/jobs/retry-failed', {});
      expect(again.statusCode).toBe(303);
      expect((await admin.get('/admin/jobs')).body).toContain(fr.t('jobs.flash.noneFailed'));
    });
  });
}
