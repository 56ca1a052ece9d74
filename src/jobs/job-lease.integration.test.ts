import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { createTestDeps, testConfig } from '../../test/helpers/test-deps.js';
import { createDatabase, type Database } from '../db/database.js';
import type { Deps } from '../deps.js';
import { memoryMailer } from '../integrations/mail.js';
import { signerOver } from '../integrations/signer.js';
import { localFolderStorage } from '../integrations/storage.js';
import { fixedClock, systemClock } from '../kernel/clock.js';
import { fileKeyStore } from '../modules/credentials/keys/keys.js';
import { MODULES, migrateToLatest } from '../modules/index.js';
import { defineJob } from './job.js';
import { findJob } from './jobs.repository.js';
import { enqueueJob } from './queue.js';
import { JOB_LEASE_MS } from './run-job.js';
import { runJobsUntilIdle } from './runner.js';

/**
 * Job leases: a claim holds for a short lease (30 s) that a heartbeat renews while the job runs. A worker
 * killed mid-job stops renewing it, so its job is taken over about 30 s later (it used to wait 5 minutes);
 * a live job that runs much longer than its lease keeps it.
 */

const WORKER = fileURLToPath(new URL('../../test/helpers/job-worker.ts', import.meta.url));
const LONG_JOB_KIND = 'test.lease-long';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A database the child worker can open too: a SQLite file, or a schema of the test PostgreSQL database. */
async function sharedDatabase(
  dialect: string,
  dataDir: string,
): Promise<{ url: string; database: Database }> {
  if (dialect === 'sqlite') {
    const url = join(dataDir, 'jobs.sqlite');
    return { url, database: createDatabase({ dialect: 'sqlite', filename: url }) };
  }
  const base = process.env.TEST_DATABASE_URL ?? '';
  const schema = `lease_${randomBytes(5).toString('hex')}`;
  const admin = createDatabase({ dialect: 'postgres', connectionString: base }, { poolSize: 1 });
  await sql.raw(`create schema ${schema}`).execute(admin.db);
  await admin.destroy();
  const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const database = createDatabase({ dialect: 'postgres', connectionString: url }, { poolSize: 4 });
  return {
    url,
    database: {
      ...database,
      destroy: async () => {
        await sql.raw(`drop schema ${schema} cascade`).execute(database.db);
        await database.destroy();
      },
    },
  };
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: job leases`, () => {
    let dataDir: string;
    let url: string;
    let database: Database;
    let deps: Deps & { clock: ReturnType<typeof fixedClock> };
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'dp-lease-'));
      ({ url, database } = await sharedDatabase(dialect, dataDir));
      await migrateToLatest(database.db);
      const config = testConfig({ dataDir });
      deps = {
        db: database.db,
        dialect: database.dialect,
        clock: fixedClock(new Date().toISOString()),
        mailer: memoryMailer(),
        storage: localFolderStorage(join(dataDir, 'files')),
        signer: signerOver(fileKeyStore(dataDir, {})),
        config,
        log: pino({ level: 'silent' }),
        modules: MODULES,
      };
    });

    afterAll(async () => {
      for (const child of children)
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await database?.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('takes over the job of a killed worker once its 30-second lease runs out', {
      timeout: 60_000,
    }, async () => {
      const { id } = await enqueueJob(deps.db, systemClock, { kind: LONG_JOB_KIND, payload: {} });
      const worker = fork(WORKER, [], {
        execArgv: ['--import', 'tsx'],
        env: {
          ...process.env,
          DATABASE_URL: url,
          DATA_DIR: dataDir,
          WORKER_ID: 'doomed',
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push(worker);
      await new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('exit', (code) => reject(new Error(`worker exited (${code})`)));
      });
      const running = await findJob(deps.db, id);
      expect(running).toMatchObject({ status: 'running', locked_by: 'doomed', attempts: 1 });
      worker.kill('SIGKILL');
      await waitFor('the worker to die', async () => (worker.signalCode ? true : undefined));
      const killedAt = Date.now();
      // Whatever the worker last wrote, its lease ends no more than 30 s after it died.
      const held = await findJob(deps.db, id);
      const leaseEnd = Date.parse(held!.locked_until!);
      expect(leaseEnd - killedAt).toBeLessThanOrEqual(JOB_LEASE_MS);
      expect(leaseEnd - killedAt).toBeGreaterThan(0);
      expect(JOB_LEASE_MS).toBe(30_000);

      let runs = 0;
      const takeover = defineJob(LONG_JOB_KIND, z.unknown(), async () => {
        runs += 1;
        return 'finished by the survivor';
      });
      // Before the lease ends, nobody may take the job; right after, another worker does, once.
      deps.clock.set(new Date(leaseEnd - 1000).toISOString());
      expect(await runJobsUntilIdle(deps, [takeover], { workerId: 'survivor' })).toBe(0);
      deps.clock.set(new Date(leaseEnd + 1).toISOString());
      expect(await runJobsUntilIdle(deps, [takeover], { workerId: 'survivor' })).toBe(1);
      expect(runs).toBe(1);
      expect(await findJob(deps.db, id)).toMatchObject({
        status: 'succeeded',
        attempts: 2,
        result_json: '"finished by the survivor"',
      });
    });
  });

  describe(`${dialect}: a live long job keeps its lease`, () => {
    it('renews the lease while it runs, without reporting progress, so a second runner never takes it', async () => {
      const deps = await createTestDeps(dialect, { clock: systemClock });
      try {
        const kind = `test.lease-live-${dialect}`;
        const ranBy: string[] = [];
        const handler = (worker: string) =>
          defineJob(kind, z.unknown(), async () => {
            ranBy.push(worker);
            await sleep(3000); // three leases long
            return worker;
          });
        const { id } = await enqueueJob(deps.db, deps.clock, { kind, payload: {} });
        // A lease of 1 s renewed every 100 ms: a loaded machine (the whole suite on two cores) stalls the
        // event loop for a few hundred milliseconds at times, which a 300 ms lease did not survive.
        const settings = { lockMs: 1000, heartbeatMs: 100 };
        const first = runJobsUntilIdle(deps, [handler('a')], { ...settings, workerId: 'a' });
        let polls = 0;
        let finished = false;
        void first.then(() => {
          finished = true;
        });
        // A second runner looks for claimable jobs all the while.
        while (!finished) {
          polls += await runJobsUntilIdle(deps, [handler('b')], { ...settings, workerId: 'b' });
          await sleep(50);
        }
        expect(await first).toBe(1);
        expect(polls).toBe(0);
        expect(ranBy).toEqual(['a']);
        expect(await findJob(deps.db, id)).toMatchObject({
          status: 'succeeded',
          attempts: 1,
          result_json: '"a"',
        });
      } finally {
        await deps.close();
      }
    });
  });
}
