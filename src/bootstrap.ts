import pino from 'pino';
import type { Config } from './config.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { Deps } from './deps.js';
import { type Mailer, outboxMailer, smtpMailer } from './integrations/mail.js';
import { type Clock, systemClock } from './kernel/clock.js';

/** Builds the dependencies from the configuration: database (migrated), mailer, clock, logger. */
export async function createDeps(
  config: Config,
  overrides: { clock?: Clock; mailer?: Mailer; migrate?: boolean } = {},
): Promise<Deps & { close(): Promise<void> }> {
  const database = createDatabase(config.database);
  if (overrides.migrate !== false) await migrateToLatest(database.db);
  const log = pino({ level: config.logLevel });
  const mailer =
    overrides.mailer ??
    (config.smtpUrl
      ? smtpMailer(config.smtpUrl, config.mailFrom)
      : outboxMailer(config.outboxDir, config.mailFrom));
  return {
    db: database.db,
    dialect: database.dialect,
    clock: overrides.clock ?? systemClock,
    mailer,
    config,
    log,
    close: () => database.destroy(),
  };
}
