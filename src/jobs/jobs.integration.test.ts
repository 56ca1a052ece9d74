import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { buildPerson } from '../../test/helpers/factories.js';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../test/helpers/test-deps.js';
import type { Actor } from '../kernel/actor.js';
import { listAuditEvents } from '../kernel/audit.js';
import { type AppError, isAppError } from '../kernel/errors.js';
import { defineJob, type JobHandler, JobInterrupted } from './job.js';
import { claimNextJob, findJob, markSucceeded } from './jobs.repository.js';
import { listJobs } from './list-jobs.js';
import { enqueueJob } from './queue.js';
import { retryJob } from './retry-job.js';
import { runJobsUntilIdle, startJobRunner } from './runner.js';

/** The database-backed job queue on both engines: idempotent enqueue, atomic claims, retries, locks. */

const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as AppError);
const SECOND = 1000;

for (const dialect of DIALECTS) {
  describe(`${dialect}: job queue`, () => {
    let deps: TestDeps;
    let admin: Actor;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      const person = await buildPerson(deps, { roles: ['administrator'] });
      admin = { kind: 'user', id: person.id, roles: ['administrator'], via: 'session' };
    });
    afterAll(async () => deps?.close());

    /** A unique job kind per test, so that tests never run each other's jobs. */
    let kindCounter = 0;
    const kind = () => `test.kind-${dialect}-${++kindCounter}`;
    const job = (id: string) => findJob(deps.db, id);

    it('enqueues once per idempotency key', async () => {
      deps.clock.set(TEST_NOW);
      const k = kind();
      const first = await enqueueJob(deps.db, deps.clock, {
        kind: k,
        payload: { n: 1 },
        idempotencyKey: `${k}:once`,
      });
      const second = await enqueueJob(deps.db, deps.clock, {
        kind: k,
        payload: { n: 2 },
        idempotencyKey: `${k}:once`,
      });
      expect(second).toEqual({ id: first.id, created: false });
      expect(first.created).toBe(true);
      expect(await job(first.id)).toMatchObject({ status: 'pending', attempts: 0, payload_json: '{"n":1}' });
      const rows = await deps.db.selectFrom('jobs').select('id').where('kind', '=', k).execute();
      expect(rows).toHaveLength(1);
    });

    it('runs a due job with its payload and keeps its result and progress; later jobs wait', async () => {
      deps.clock.set(TEST_NOW);
      const k = kind();
      const seen: unknown[] = [];
      const handler = defineJob(k, z.object({ n: z.number() }), async (context, payload) => {
        seen.push(payload.n);
        context.progress(3, 4);
        return { doubled: payload.n * 2 };
      });
      const now = await enqueueJob(deps.db, deps.clock, { kind: k, payload: { n: 21 } });
      const later = await enqueueJob(deps.db, deps.clock, {
        kind: k,
        payload: { n: 1 },
        runAt: new Date(Date.parse(TEST_NOW) + 60 * SECOND),
      });
      expect(await runJobsUntilIdle(deps, [handler])).toBe(1);
      expect(seen).toEqual([21]);
      expect(await job(now.id)).toMatchObject({
        status: 'succeeded',
        attempts: 1,
        progress: 3,
        total: 4,
        result_json: '{"doubled":42}',
        locked_by: null,
      });
      expect((await job(later.id))?.status).toBe('pending');
      deps.clock.advance(60 * SECOND);
      expect(await runJobsUntilIdle(deps, [handler])).toBe(1);
    });

    it('retries a failing job with exponential back-off, then marks it failed with its error for administrators', async () => {
      deps.clock.set(TEST_NOW);
      const k = kind();
      let runs = 0;
      const handler = defineJob(k, z.unknown(), async () => {
        runs += 1;
        throw new Error(`boom ${runs}`);
      });
      const { id } = await enqueueJob(deps.db, deps.clock, { kind: k, payload: {}, maxAttempts: 3 });
      const settings = { retryBaseMs: 30 * SECOND };
      expect(await runJobsUntilIdle(deps, [handler], settings)).toBe(1);
      expect(await job(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'boom 1' });
      expect((await job(id))?.run_at).toBe(new Date(Date.parse(TEST_NOW) + 30 * SECOND).toISOString());
      deps.clock.advance(29 * SECOND);
      expect(await runJobsUntilIdle(deps, [handler], settings)).toBe(0);
      deps.clock.advance(1 * SECOND);
      expect(await runJobsUntilIdle(deps, [handler], settings)).toBe(1);
      expect(await job(id)).toMatchObject({ status: 'pending', attempts: 2, last_error: 'boom 2' });
      deps.clock.advance(59 * SECOND);
      expect(await runJobsUntilIdle(deps, [handler], settings)).toBe(0);
      deps.clock.advance(1 * SECOND);
      expect(await runJobsUntilIdle(deps, [handler], settings)).toBe(1);
      expect(await job(id)).toMatchObject({
        status: 'failed',
        attempts: 3,
        last_error: 'boom 3',
        locked_by: null,
      });
      deps.clock.advance(3600 * SECOND);
      expect(await runJobsUntilIdle(deps, [handler], settings)).toBe(0);

      const listed = await listJobs(deps.db, deps, admin, { status: 'failed' });
      expect(listed.jobs.find((j) => j.id === id)).toMatchObject({
        status: 'failed',
        lastError: 'boom 3',
        attempts: 3,
      });
      const participant = await buildPerson(deps);
      const someone: Actor = { kind: 'user', id: participant.id, roles: ['participant'], via: 'session' };
      expect(isAppError(await failure(listJobs(deps.db, deps, someone, {})), 'forbidden')).toBe(true);
      expect(isAppError(await failure(retryJob(deps.db, deps, someone, id)), 'forbidden')).toBe(true);
      expect(
        isAppError(await failure(listJobs(deps.db, deps, { kind: 'anonymous' }, {})), 'unauthenticated'),
      ).toBe(true);

      await retryJob(deps.db, deps, admin, id);
      expect(await job(id)).toMatchObject({ status: 'pending', attempts: 0 });
      expect((await listAuditEvents(deps.db, 'job', id)).map((a) => a.action)).toEqual(['job.retried']);
      expect(isAppError(await failure(retryJob(deps.db, deps, admin, id)), 'invalid_state')).toBe(true);
      expect(
        isAppError(
          await failure(retryJob(deps.db, deps, admin, '00000000-0000-7000-8000-000000000000')),
          'not_found',
        ),
      ).toBe(true);
      expect(isAppError(await failure(retryJob(deps.db, deps, admin, 'nope')), 'not_found')).toBe(true);
    });

    it('fails at once on an invalid payload (no retry can fix it)', async () => {
      deps.clock.set(TEST_NOW);
      const k = kind();
      const handler = defineJob(k, z.object({ n: z.number() }), async () => 'never');
      const { id } = await enqueueJob(deps.db, deps.clock, { kind: k, payload: { n: 'x' } });
      await runJobsUntilIdle(deps, [handler]);
      expect(await job(id)).toMatchObject({ status: 'failed', attempts: 1 });
      expect((await job(id))?.last_error).toContain('invalid payload');
    });

    it('takes over a job whose worker died once its lock expires; the dead worker can no longer finish it', async () => {
      deps.clock.set(TEST_NOW);
      const k = kind();
      let runs = 0;
      const handler = defineJob(k, z.unknown(), async () => {
        runs += 1;
        return 'done by B';
      });
      const { id } = await enqueueJob(deps.db, deps.clock, { kind: k, payload: {} });
      const lockMs = 60 * SECOND;
      // Worker A claims the job and dies (never reports back).
      const claimed = await claimNextJob(deps.db, {
        workerId: 'worker-a',
        kinds: [k],
        now: deps.clock.now().toISOString(),
        lockedUntil: new Date(deps.clock.now().getTime() + lockMs).toISOString(),
      });
      expect(claimed?.id).toBe(id);
      expect(await runJobsUntilIdle(deps, [handler], { workerId: 'worker-b', lockMs })).toBe(0);
      deps.clock.advance(lockMs + SECOND);
      expect(await runJobsUntilIdle(deps, [handler], { workerId: 'worker-b', lockMs })).toBe(1);
      expect(runs).toBe(1);
      expect(await job(id)).toMatchObject({ status: 'succeeded', attempts: 2, result_json: '"done by B"' });
      // A wakes up and tries to report: refused, B's outcome stays.
      expect(
        await markSucceeded(deps.db, id, 'worker-a', {
          resultJson: '"done by A"',
          now: deps.clock.now().toISOString(),
        }),
      ).toBe(false);
      expect((await job(id))?.result_json).toBe('"done by B"');
    });

    it('fails a job whose worker died on its last attempt', async () => {
      deps.clock.set(TEST_NOW);
      const k = kind();
      const handler = defineJob(k, z.unknown(), async () => 'ok');
      const { id } = await enqueueJob(deps.db, deps.clock, { kind: k, payload: {}, maxAttempts: 1 });
      await claimNextJob(deps.db, {
        workerId: 'worker-a',
        kinds: [k],
        now: deps.clock.now().toISOString(),
        lockedUntil: new Date(deps.clock.now().getTime() + SECOND).toISOString(),
      });
      deps.clock.advance(2 * SECOND);
      await runJobsUntilIdle(deps, [handler]);
      expect(await job(id)).toMatchObject({ status: 'failed', attempts: 2 });
      expect((await job(id))?.last_error).toContain('stopped before it finished');
    });

    it('gives every job to exactly one of two runners working at the same time', async () => {
      deps.clock.set(TEST_NOW);
      const k = kind();
      const ranBy = new Map<string, string[]>();
      const handlerFor = (worker: string): JobHandler =>
        defineJob(k, z.object({ n: z.number() }), async (context) => {
          await sleep(2);
          ranBy.set(context.jobId, [...(ranBy.get(context.jobId) ?? []), worker]);
        });
      const ids: string[] = [];
      for (let n = 0; n < 24; n++)
        ids.push((await enqueueJob(deps.db, deps.clock, { kind: k, payload: { n } })).id);
      const [a, b] = await Promise.all([
        runJobsUntilIdle(deps, [handlerFor('a')], { workerId: 'runner-a' }),
        runJobsUntilIdle(deps, [handlerFor('b')], { workerId: 'runner-b' }),
      ]);
      expect(a + b).toBe(24);
      expect([...ranBy.values()].every((workers) => workers.length === 1)).toBe(true);
      expect(ranBy.size).toBe(24);
      if (dialect === 'postgres') expect(Math.min(a, b)).toBeGreaterThan(0);
      const statuses = await deps.db.selectFrom('jobs').select('status').where('kind', '=', k).execute();
      expect(statuses.every((s) => s.status === 'succeeded')).toBe(true);
    });

    it('reports progress from inside a long transaction without blocking it', async () => {
      deps.clock.set(TEST_NOW);
      const k = kind();
      const handler = defineJob(k, z.unknown(), (context) =>
        context.deps.db.transaction().execute(async (trx) => {
          for (let i = 1; i <= 50; i++) {
            await trx.selectFrom('jobs').select('id').limit(1).execute();
            context.progress(i, 50);
          }
          return 'ok';
        }),
      );
      const { id } = await enqueueJob(deps.db, deps.clock, { kind: k, payload: {} });
      await runJobsUntilIdle(deps, [handler], { progressIntervalMs: 0 });
      expect(await job(id)).toMatchObject({ status: 'succeeded', progress: 50, total: 50 });
    });

    it('runs in the background, schedules daily jobs once a day, and hands an interrupted job back when stopped', async () => {
      deps.clock.set(TEST_NOW);
      const daily = kind();
      const slow = kind();
      let dailyRuns = 0;
      let started = false;
      const handlers = [
        defineJob(daily, z.object({ day: z.string() }), async () => {
          dailyRuns += 1;
        }),
        defineJob(slow, z.unknown(), async (context) => {
          started = true;
          while (!context.signal.aborted) await sleep(5);
          throw new JobInterrupted();
        }),
      ];
      const schedule = [
        { kind: daily, key: (day: string) => `${daily}:${day}`, payload: (day: string) => ({ day }) },
      ];
      const first = startJobRunner(deps, handlers, { pollMs: 10, workerId: 'bg-1', daily: schedule });
      const second = startJobRunner(deps, handlers, { pollMs: 10, workerId: 'bg-2', daily: schedule });
      for (let i = 0; i < 200 && dailyRuns < 1; i++) await sleep(10);
      await sleep(50);
      expect(dailyRuns).toBe(1);
      const { id } = await enqueueJob(deps.db, deps.clock, { kind: slow, payload: {} });
      for (let i = 0; i < 200 && !started; i++) await sleep(10);
      expect(started).toBe(true);
      await Promise.all([first.stop(), second.stop()]);
      expect(await job(id)).toMatchObject({ status: 'pending', attempts: 0, locked_by: null });
      const scheduled = await deps.db
        .selectFrom('jobs')
        .select('idempotency_key')
        .where('kind', '=', daily)
        .execute();
      expect(scheduled.map((s) => s.idempotency_key)).toEqual([`${daily}:2026-11-28`]);
      deps.clock.advance(24 * 3600 * SECOND);
      const third = startJobRunner(deps, handlers.slice(0, 1), {
        pollMs: 10,
        workerId: 'bg-3',
        daily: schedule,
      });
      for (let i = 0; i < 200 && dailyRuns < 2; i++) await sleep(10);
      await third.stop();
      expect(dailyRuns).toBe(2);
    });
  });
}
