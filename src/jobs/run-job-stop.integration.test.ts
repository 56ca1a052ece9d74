import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { createTestDeps, type TestDeps } from '../../test/helpers/test-deps.js';
import { defineJob, JobInterrupted } from './job.js';
import { findJob } from './jobs.repository.js';
import { enqueueJob } from './queue.js';
import { DEFAULT_RUN_SETTINGS, runNextJob } from './run-job.js';

/**
 * A runner asked to stop while its claim is on its way still stops the job it claims: an aborted signal
 * never fires again, so the job must see the stop at once rather than run until its process exits.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: stopping during a claim`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    it('hands the job back at once when the stop came before the job started', async () => {
      const kind = `test.stop-${dialect}`;
      let ran = 0;
      const slow = defineJob(kind, z.unknown(), async (context) => {
        ran += 1;
        // Without the stop it would run to the end (and succeed) after about 2 s.
        for (let i = 0; i < 400 && !context.signal.aborted; i++) await sleep(5);
        if (context.signal.aborted) throw new JobInterrupted();
        return 'ran to the end';
      });
      const { id } = await enqueueJob(deps.db, deps.clock, { kind, payload: {} });
      const stop = new AbortController();
      stop.abort();
      const settings = { ...DEFAULT_RUN_SETTINGS, workerId: 'stopped-runner' };
      expect(await runNextJob(deps, new Map([[kind, slow]]), settings, stop.signal)).toBe(true);
      expect(ran).toBe(1);
      expect(await findJob(deps.db, id)).toMatchObject({ status: 'pending', attempts: 0, locked_by: null });
    });
  });
}
