import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { countRows } from '../../../../test/helpers/http-extra.js';
import { threeAchievements } from '../../../../test/helpers/import-helpers.js';
import {
  buildParticipant,
  buildPathwayProgramme,
  registerAs,
} from '../../../../test/helpers/pathway-factories.js';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { claimNextJob, findJob } from '../../../jobs/jobs.repository.js';
import { runJobsUntilIdle, scheduleDailyJobs } from '../../../jobs/runner.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import { toDateString } from '../../../kernel/clock.js';
import { allDailyJobs, allJobHandlers } from '../../index.js';
import { refreshStaleStandings } from '../refresh-stale-standings.js';
import { applyImport, commitImport } from './import-commit.js';
// The pathway's own jobs run here: the certificates these results earn are the credentials tests' business.
import { PATHWAY_JOBS, REFRESH_STANDINGS_JOB } from './import-jobs.js';
import { IMPORT_COMMIT_JOB } from './import-record.js';
import { uploadImport } from './import-upload.js';
import { getImport } from './import-view.js';

/**
 * The pathway's jobs when workers die: a worker killed in the middle of a commit or of the daily refresh
 * (simulated by a claim whose lock then expires) loses nothing, and the re-run duplicates nothing.
 */

const LOCK_MS = 60_000;
const HANDLER_KINDS = allJobHandlers().map((h) => h.kind);

for (const dialect of DIALECTS) {
  describe(`${dialect}: pathway jobs after a crash`, () => {
    let deps: TestDeps;
    const manager: Actor = systemActor('test');
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    /** Worker A claims the next job of `kind` and then dies (never reports back). */
    const claimAndDie = (kind: string) =>
      claimNextJob(deps.db, {
        workerId: 'worker-a',
        kinds: [kind],
        now: deps.clock.now().toISOString(),
        lockedUntil: new Date(deps.clock.now().getTime() + LOCK_MS).toISOString(),
      });

    async function largeImport() {
      deps.clock.set(TEST_NOW);
      const { people, csv } = await threeAchievements(deps);
      const { id } = await uploadImport(
        deps.db,
        deps,
        manager,
        { fileName: 'r.csv', bytes: Buffer.from(csv) },
        { inlineMaxRows: 1 },
      );
      await runJobsUntilIdle(deps, PATHWAY_JOBS);
      expect(await commitImport(deps.db, deps, manager, id, { inlineMaxRows: 1 })).toEqual({
        status: 'committing',
      });
      return { id, people };
    }

    it('re-runs a commit whose worker died before it wrote anything, once', async () => {
      const { id } = await largeImport();
      const results = await countRows(deps, 'results');
      const claimed = await claimAndDie(IMPORT_COMMIT_JOB);
      expect(claimed?.kind).toBe(IMPORT_COMMIT_JOB);
      expect(await runJobsUntilIdle(deps, PATHWAY_JOBS, { workerId: 'worker-b', lockMs: LOCK_MS })).toBe(0);
      deps.clock.advance(LOCK_MS + 1000);
      expect(await runJobsUntilIdle(deps, PATHWAY_JOBS, { workerId: 'worker-b', lockMs: LOCK_MS })).toBe(1);
      expect((await getImport(deps.db, deps, manager, id)).status).toBe('committed');
      expect(await countRows(deps, 'results')).toBe(results + 3);
      expect(await findJob(deps.db, claimed!.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
    });

    it('re-runs a commit whose worker died after committing but before saying so, writing nothing twice', async () => {
      const { id } = await largeImport();
      const claimed = await claimAndDie(IMPORT_COMMIT_JOB);
      // Worker A got as far as committing the transaction, then died.
      expect((await applyImport(deps.db, deps, manager, id)).status).toBe('committed');
      const after = JSON.stringify([
        await deps.db.selectFrom('results').selectAll().orderBy('id').execute(),
        await deps.db.selectFrom('enrolments').selectAll().orderBy('id').execute(),
        await countRows(deps, 'audit_events'),
      ]);
      deps.clock.advance(LOCK_MS + 1000);
      expect(await runJobsUntilIdle(deps, PATHWAY_JOBS, { workerId: 'worker-b', lockMs: LOCK_MS })).toBe(1);
      expect(await findJob(deps.db, claimed!.id)).toMatchObject({ status: 'succeeded' });
      expect(
        JSON.stringify([
          await deps.db.selectFrom('results').selectAll().orderBy('id').execute(),
          await deps.db.selectFrom('enrolments').selectAll().orderBy('id').execute(),
          await countRows(deps, 'audit_events'),
        ]),
      ).toBe(after);
    });

    it('schedules the daily refresh once a day; a worker killed mid-batch loses nothing', async () => {
      deps.clock.set(TEST_NOW);
      const programme = await buildPathwayProgramme(deps);
      for (let i = 0; i < 7; i++)
        await registerAs(deps, programme, await buildParticipant(deps), '2026-01-01');
      // A day later every standing is stale.
      deps.clock.advance(24 * 3600 * 1000);
      const today = toDateString(deps.clock.now());
      const stale = async () =>
        Number(
          (
            await deps.db
              .selectFrom('candidacies')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('standing_evaluated_on', '<', today)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const total = await stale();
      expect(total).toBeGreaterThanOrEqual(7);
      await scheduleDailyJobs(deps, allDailyJobs(), new Map(allJobHandlers().map((h) => [h.kind, h])));
      await scheduleDailyJobs(deps, allDailyJobs(), new Map(allJobHandlers().map((h) => [h.kind, h])));
      const scheduled = await deps.db
        .selectFrom('jobs')
        .select(['id', 'idempotency_key'])
        .where('kind', '=', REFRESH_STANDINGS_JOB)
        .where('idempotency_key', '=', `refresh-standings:${today}`)
        .execute();
      expect(scheduled).toHaveLength(1);
      // Worker A refreshes one batch of 3, then is killed.
      const claimed = await claimAndDie(REFRESH_STANDINGS_JOB);
      expect(claimed?.id).toBe(scheduled[0]!.id);
      let batches = 0;
      const partial = await refreshStaleStandings(deps.db, deps, {
        batchSize: 3,
        shouldStop: () => batches++ > 0,
      });
      expect(partial).toEqual({ refreshed: 3, stopped: true });
      expect(await stale()).toBe(total - 3);
      deps.clock.advance(LOCK_MS + 1000);
      expect(
        await runJobsUntilIdle(deps, PATHWAY_JOBS, { workerId: 'worker-b', lockMs: LOCK_MS }),
      ).toBeGreaterThanOrEqual(1);
      const done = await findJob(deps.db, claimed!.id);
      expect(done).toMatchObject({ status: 'succeeded', attempts: 2 });
      expect(JSON.parse(done!.result_json!)).toEqual({ refreshed: total - 3 });
      expect(await stale()).toBe(0);
      expect(HANDLER_KINDS).toContain(REFRESH_STANDINGS_JOB);
    });
  });
}
