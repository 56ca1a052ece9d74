/**
 * A job worker in its own process, for the crash test (src/modules/notifications/mail-crash.test.ts): the
 * real bootstrap and runner (with the notification jobs) over a SQLite file, mail to the outbox folder.
 * After writing each message it waits SEND_PAUSE_MS before the job records the delivery, so a kill lands
 * between the two.
 * Environment: DB_FILE, DATA_DIR, WORKER_ID, LOCK_MS, SEND_PAUSE_MS.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDeps } from '../../src/bootstrap.js';
import { outboxMailer } from '../../src/integrations/mail.js';
import { startJobRunner } from '../../src/jobs/runner.js';
import { NOTIFICATION_JOBS } from '../../src/modules/notifications/notification-jobs.js';
import { testConfig } from './test-deps.js';

const dataDir = process.env.DATA_DIR ?? '';
const config = testConfig({
  dataDir,
  outboxDir: join(dataDir, 'outbox'),
  database: { dialect: 'sqlite', filename: process.env.DB_FILE ?? '' },
});
const outbox = outboxMailer(config.outboxDir, config.mailFrom);
const pause = Number(process.env.SEND_PAUSE_MS ?? 0);
const deps = await createDeps(config, {
  migrate: false,
  mailer: {
    async send(message) {
      await outbox.send(message);
      await sleep(pause);
    },
  },
});
const runner = startJobRunner(deps, NOTIFICATION_JOBS, {
  workerId: process.env.WORKER_ID ?? `worker-${process.pid}`,
  pollMs: 20,
  lockMs: Number(process.env.LOCK_MS ?? 1000),
  retryBaseMs: 50,
});
process.send?.('ready');
process.once('SIGTERM', () => {
  void runner
    .stop()
    .then(() => deps.close())
    .then(() => process.exit(0));
});
