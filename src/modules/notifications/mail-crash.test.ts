import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyNow } from '../../../test/helpers/notification-factories.js';
import { testConfig } from '../../../test/helpers/test-deps.js';
import { createDatabase } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { memoryMailer } from '../../integrations/mail.js';
import { readMailMessage } from '../../integrations/mail-reader.js';
import { signerOver } from '../../integrations/signer.js';
import { localFolderStorage } from '../../integrations/storage.js';
import { systemClock } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import { fileKeyStore } from '../credentials/keys/keys.js';
import { MODULES, migrateToLatest } from '../index.js';
import { noticeMessageId } from './send-notification-email.js';

/**
 * "Sends nothing twice, loses nothing": a worker process is killed (SIGKILL) in the middle of a batch of
 * 30 emails, right after writing a message and before recording its delivery; a second worker takes over
 * once the dead one's lock expires. Every message must be in the outbox exactly once and every job done.
 */

const WORKER = fileURLToPath(new URL('../../../test/helpers/mail-worker.ts', import.meta.url));
const BATCH = 30;
const LOCK_MS = 1000;

function startWorker(dataDir: string, dbFile: string, workerId: string): ChildProcess {
  return fork(WORKER, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DB_FILE: dbFile,
      WORKER_ID: workerId,
      LOCK_MS: String(LOCK_MS),
      SEND_PAUSE_MS: '100',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** A recipient written directly (no password hashing: 30 of them must be quick to make). */
async function insertRecipient(deps: Deps, locale: string): Promise<{ id: string }> {
  const id = newId();
  const now = new Date().toISOString();
  await deps.db
    .insertInto('users')
    .values({
      id,
      email: `crash-${id}@example.org`,
      password_hash: 'unused',
      full_name: `Recipient ${id.slice(-6)}`,
      preferred_locale: locale,
      email_verified_at: now,
      country: null,
      constituency: null,
      organisation: null,
      job_title: null,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id };
}

const outboxFiles = (dir: string) => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
};

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('sqlite file: a worker killed mid-batch', () => {
  let dataDir: string;
  let deps: Deps;
  let close: () => Promise<void>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dp-crash-'));
    const database = createDatabase({ dialect: 'sqlite', filename: join(dataDir, 'db.sqlite') });
    await migrateToLatest(database.db);
    const config = testConfig({ dataDir, outboxDir: join(dataDir, 'outbox') });
    deps = {
      db: database.db,
      dialect: 'sqlite',
      clock: systemClock,
      mailer: memoryMailer(),
      storage: localFolderStorage(join(dataDir, 'files')),
      signer: signerOver(fileKeyStore(dataDir, {})),
      config,
      log: pino({ level: 'silent' }),
      modules: MODULES,
    };
    close = () => database.destroy();
  });

  afterAll(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends every message exactly once to the outbox and loses no job', { timeout: 90_000 }, async () => {
    const keys: string[] = [];
    for (let n = 0; n < BATCH; n += 1) {
      const person = await insertRecipient(deps, (['en', 'fr', 'es'] as const)[n % 3]!);
      const key = `waitlist.moved:crash:${n}`;
      keys.push(key);
      await notifyNow(deps, {
        recipientId: person.id,
        key,
        event: {
          kind: 'waitlist.moved',
          enrolmentId: `enrolment-${n}`,
          editionId: `edition-${n}`,
          position: 2,
        },
      });
    }
    const outbox = join(dataDir, 'outbox');
    const dbFile = join(dataDir, 'db.sqlite');

    const first = startWorker(dataDir, dbFile, 'first');
    children.push(first);
    await waitFor('10 messages', () => (outboxFiles(outbox).length >= 10 ? true : undefined));
    first.kill('SIGKILL');
    await waitFor('the first worker to die', () => (first.signalCode ? true : undefined));

    // The worker died between writing a message and recording it: that job is still "running" under a lock.
    const inFlight = await deps.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'notifications.email')
      .where('status', '=', 'running')
      .execute();
    expect(inFlight).toHaveLength(1);
    const inFlightKey = JSON.parse(inFlight[0]!.payload_json).key as string;
    const delivered = await deps.db.selectFrom('mail_deliveries').select('key').execute();
    expect(delivered.map((d) => d.key)).not.toContain(inFlightKey);
    const sentBeforeCrash = outboxFiles(outbox).length;
    expect(sentBeforeCrash).toBeGreaterThan(delivered.length); // its message is out, its record is not
    expect(sentBeforeCrash).toBeLessThan(BATCH);

    const second = startWorker(dataDir, dbFile, 'second');
    children.push(second);
    await waitFor('every email job done', async () => {
      const row = await deps.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'notifications.email')
        .where('status', '=', 'succeeded')
        .executeTakeFirstOrThrow();
      return Number(row.n) === BATCH ? true : undefined;
    });
    second.kill('SIGTERM');
    await waitFor('the second worker to stop', () => (second.exitCode !== null ? true : undefined));

    const jobs = await deps.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'notifications.email')
      .execute();
    expect(jobs.map((j) => j.status)).toEqual(Array(BATCH).fill('succeeded'));
    // The interrupted job ran twice (taken over after its lock expired), and its message was rewritten, not added.
    expect(jobs.find((j) => j.id === inFlight[0]!.id)?.attempts).toBe(2);
    expect(jobs.filter((j) => j.attempts > 1)).toHaveLength(1);

    const files = outboxFiles(outbox);
    expect(files).toHaveLength(BATCH);
    const messageIds = files.map((f) => readMailMessage(readFileSync(join(outbox, f), 'utf8')).messageId);
    expect(new Set(messageIds).size).toBe(BATCH);
    expect(new Set(messageIds)).toEqual(new Set(keys.map((k) => noticeMessageId(k, deps.config.baseUrl))));
    expect(
      (await deps.db.selectFrom('mail_deliveries').select('key').execute()).map((d) => d.key).sort(),
    ).toEqual([...keys].sort());
  });
});
