import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { buildTitledEdition, insertEnrolment } from '../../../test/helpers/notification-factories.js';
import { TEST_NOW, testConfig } from '../../../test/helpers/test-deps.js';
import { createDatabase, type Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { memoryMailer } from '../../integrations/mail.js';
import { signerOver } from '../../integrations/signer.js';
import { localFolderStorage } from '../../integrations/storage.js';
import { startJobRunner } from '../../jobs/runner.js';
import { fixedClock } from '../../kernel/clock.js';
import { fileKeyStore } from '../credentials/keys/keys.js';
import { allJobHandlers, MODULES, migrateToLatest } from '../index.js';
import {
  START_REMINDERS_JOB_KIND as REMINDERS_JOB_KIND,
  startRemindersDaily as remindersDaily,
} from '../places/send-start-reminders.js';

/**
 * Two app processes on one database (two connections, two runners, each scheduling the daily jobs on its
 * first poll of the day): the day's reminders run once, and each reminder is sent once.
 */

interface Node {
  deps: Deps;
  close(): Promise<void>;
}

/** Two independent connections to one fresh database of `dialect`, sharing one clock. */
async function twoNodes(
  dialect: Dialect,
): Promise<{ nodes: [Node, Node]; clock: ReturnType<typeof fixedClock>; cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dp-nodes-'));
  const config = testConfig({ dataDir });
  const clock = fixedClock(TEST_NOW);
  const base = {
    clock,
    mailer: memoryMailer(),
    storage: localFolderStorage(join(dataDir, 'files')),
    signer: signerOver(fileKeyStore(dataDir, {})),
    config,
    log: pino({ level: 'silent' }),
    modules: MODULES,
  };
  const open = (): { db: Kysely<DB>; close: () => Promise<void> } => {
    if (dialect === 'sqlite') {
      const database = createDatabase({ dialect: 'sqlite', filename: join(dataDir, 'db.sqlite') });
      return { db: database.db, close: () => database.destroy() };
    }
    const pool = new pg.Pool({
      connectionString: process.env.TEST_DATABASE_URL,
      max: 3,
      options: `-c search_path=${schema}`,
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, close: () => db.destroy() };
  };
  const schema = `t_${randomBytes(6).toString('hex')}`;
  if (dialect === 'postgres') {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
  }
  const a = open();
  const b = open();
  await migrateToLatest(a.db);
  const nodes: [Node, Node] = [
    { deps: { ...base, db: a.db, dialect }, close: a.close },
    { deps: { ...base, db: b.db, dialect }, close: b.close },
  ];
  return {
    nodes,
    clock,
    cleanup: async () => {
      if (dialect === 'postgres') await sql.raw(`drop schema ${schema} cascade`).execute(a.db);
      await b.close();
      await a.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await probe()) return;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: daily jobs with two runners on one database`, () => {
    let cleanup: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await cleanup?.();
    });

    it('runs each day’s reminders once, and each reminder is sent once', { timeout: 60_000 }, async () => {
      const setup = await twoNodes(dialect);
      cleanup = setup.cleanup;
      const [a, b] = setup.nodes;
      const person = await buildPerson(a.deps);
      const edition = await buildTitledEdition(a.deps, '2026-12-05', '2026-12-20'); // in 7 days
      await insertEnrolment(a.deps, edition.id, person.id);

      const runners = [a, b].map((node, i) =>
        startJobRunner(node.deps, allJobHandlers(), {
          workerId: `node-${i}`,
          pollMs: 10,
          daily: [remindersDaily],
        }),
      );
      const reminderJobs = () =>
        a.deps.db
          .selectFrom('jobs')
          .selectAll()
          .where('kind', '=', REMINDERS_JOB_KIND)
          .orderBy('run_at')
          .execute();
      const allDone = async (n: number) => {
        const jobs = await a.deps.db.selectFrom('jobs').select(['status', 'kind']).execute();
        return (
          jobs.filter((j) => j.kind === REMINDERS_JOB_KIND).length === n &&
          jobs.every((j) => j.status === 'succeeded')
        );
      };
      try {
        await waitFor('the first day’s run', () => allDone(1));
        await sleep(200); // both runners keep polling the same day: nothing new is scheduled
        expect(await reminderJobs()).toMatchObject([
          { idempotency_key: 'places-start-reminders:2026-11-28', status: 'succeeded', attempts: 1 },
        ]);

        setup.clock.advance(24 * 3600_000); // the next day: one more run in total, and no second reminder
        await waitFor('the second day’s run', () => allDone(2));
        await sleep(200);
        const jobs = await reminderJobs();
        expect(jobs.map((j) => [j.idempotency_key, j.attempts])).toEqual([
          ['places-start-reminders:2026-11-28', 1],
          ['places-start-reminders:2026-11-29', 1],
        ]);
      } finally {
        await Promise.all(runners.map((r) => r.stop()));
      }
      const notices = await a.deps.db.selectFrom('notifications').select('kind').execute();
      expect(notices).toEqual([{ kind: 'edition.starts-soon' }]);
      expect((a.deps.mailer as ReturnType<typeof memoryMailer>).sent).toHaveLength(1);
    });
  });
}
