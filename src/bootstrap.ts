import { join } from 'node:path';
import pino from 'pino';
import type { Config } from './config.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { Deps } from './deps.js';
import { type Mailer, outboxMailer, smtpMailer } from './integrations/mail.js';
import { fileSigner } from './integrations/signer.js';
import { localFolderStorage } from './integrations/storage.js';
import { type Clock, systemClock } from './kernel/clock.js';

/**
 * Builds the dependencies from the configuration: database (migrated), mailer, file storage (DATA_DIR/files),
 * the issuer's keys (loaded on first use), clock, logger.
 */
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
    storage: localFolderStorage(join(config.dataDir, 'files')),
    signer: fileSigner(config.dataDir),
    config,
    log,
    close: () => database.destroy(),
  };
}
