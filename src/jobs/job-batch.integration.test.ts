import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../test/helpers/test-deps.js';
import { defineBatchJob, PermanentJobError } from './job.js';
import { claimMoreJobs, findJob } from './jobs.repository.js';
import { enqueueJobs } from './queue.js';
import { runJobsUntilIdle } from './runner.js';

/** Job kinds that run several jobs at once: one claim, one run, each job's own outcome. */

for (const dialect of DIALECTS) {
  describe(`${dialect}: batch jobs`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    let kindCounter = 0;
    const kind = () => `test.batch-${dialect}-${++kindCounter}`;
    const enqueue = async (k: string, payloads: unknown[]) => {
      await enqueueJobs(
        deps.db,
        deps.clock,
        payloads.map((payload, index) => ({ kind: k, payload, idempotencyKey: `${k}:${index}` })),
      );
      return Promise.all(payloads.map((_, index) => keyed(`${k}:${index}`)));
    };
    const keyed = async (key: string) =>
      (
        await deps.db
          .selectFrom('jobs')
          .select('id')
          .where('idempotency_key', '=', key)
          .executeTakeFirstOrThrow()
      ).id;

    it('claims due jobs of the kind together, in queue order, and settles each by its own outcome', async () => {
      deps.clock.set(TEST_NOW);
      const k = kind();
      const batches: number[][] = [];
      const handler = defineBatchJob(k, z.object({ n: z.number() }), 3, async (contexts, payloads) => {
        batches.push(payloads.map((p) => p.n));
        expect(new Set(contexts.map((c) => c.jobId)).size).toBe(contexts.length);
        return payloads.map((p) =>
          p.n === 4
            ? { ok: false, error: new Error('four fails') }
            : { ok: true, result: { twice: p.n * 2 } },
        );
      });
      const ids = await enqueue(k, [{ n: 1 }, { n: 'not a number' }, { n: 3 }, { n: 4 }, { n: 5 }]);
      // Five jobs, in two runs of the handler (three, then two): the count is of jobs.
      expect(await runJobsUntilIdle(deps, [handler])).toBe(5);
      // The invalid payload never reached the handler; it failed alone, at once.
      expect(batches).toEqual([
        [1, 3],
        [4, 5],
      ]);
      const rows = await Promise.all(ids.map((id) => findJob(deps.db, id)));
      expect(rows.map((row) => row?.status)).toEqual([
        'succeeded',
        'failed',
        'succeeded',
        'pending',
        'succeeded',
      ]);
      expect(rows[0]).toMatchObject({ result_json: '{"twice":2}', attempts: 1, locked_by: null });
      expect(rows[1]?.last_error).toBe(new PermanentJobError(`invalid payload for ${k}`).toString());
      expect(rows[3]).toMatchObject({ attempts: 1, last_error: 'four fails', locked_by: null });
      expect(rows[4]?.result_json).toBe('{"twice":10}');
    });

    it('retries every job of a batch whose run throws', async () => {
      deps.clock.set(TEST_NOW);
      const k = kind();
      const handler = defineBatchJob(k, z.object({ n: z.number() }), 8, async () => {
        throw new Error('the database went away');
      });
      const ids = await enqueue(k, [{ n: 1 }, { n: 2 }]);
      expect(await runJobsUntilIdle(deps, [handler])).toBe(2);
      for (const id of ids)
        expect(await findJob(deps.db, id)).toMatchObject({
          status: 'pending',
          attempts: 1,
          last_error: 'the database went away',
        });
    });

    it('claims no job that is not due, of another kind, or already claimed', async () => {
      deps.clock.set(TEST_NOW);
      const k = kind();
      const [first, second] = await enqueue(k, [{ n: 1 }, { n: 2 }]);
      await enqueueJobs(deps.db, deps.clock, [
        { kind: k, payload: { n: 3 }, runAt: new Date(Date.parse(TEST_NOW) + 60_000) },
        { kind: kind(), payload: { n: 4 } },
      ]);
      const claim = (workerId: string) =>
        claimMoreJobs(deps.db, {
          workerId,
          kind: k,
          now: TEST_NOW,
          lockedUntil: new Date(Date.parse(TEST_NOW) + 30_000).toISOString(),
          limit: 10,
        });
      const taken = await claim('worker-a');
      expect(taken.map((row) => row.id)).toEqual([first, second]);
      expect(taken.every((row) => row.status === 'running' && row.locked_by === 'worker-a')).toBe(true);
      expect(await claim('worker-b')).toEqual([]);
    });
  });
}
