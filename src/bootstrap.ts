import { join } from 'node:path';
import pino from 'pino';
import type { Config } from './config.js';
import { createDatabase } from './db/database.js';
import type { Deps } from './deps.js';
import { DEFAULT_DATE_LOCALE_EN, setFormattingLocale } from './i18n/i18n.js';
import { type Mailer, outboxMailer, smtpMailer } from './integrations/mail.js';
import { signerOver } from './integrations/signer.js';
import { localFolderStorage } from './integrations/storage.js';
import { type Clock, systemClock } from './kernel/clock.js';
import { fileKeyStore } from './modules/credentials/keys/keys.js';
import { MODULES, migrateToLatest } from './modules/index.js';
import type { Module } from './modules/module.js';

/**
 * Builds the dependencies from the configuration: database (migrated), mailer, file storage (DATA_DIR/files),
 * the issuer's keys (loaded on first use), clock, logger; sets how English pages write dates (DATE_LOCALE_EN).
 */
export async function createDeps(
  config: Config,
  overrides: { clock?: Clock; mailer?: Mailer; migrate?: boolean; modules?: readonly Module[] } = {},
): Promise<Deps & { close(): Promise<void> }> {
  const log = pino({ level: config.logLevel });
  setFormattingLocale('en', config.dateLocaleEn ?? DEFAULT_DATE_LOCALE_EN);
  const database = createDatabase(config.database, {
    onConnectionError: (error) =>
      log.warn({ err: error }, 'database connection lost; reconnecting on demand'),
  });
  const modules = overrides.modules ?? MODULES;
  if (overrides.migrate !== false) await migrateToLatest(database.db, modules);
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
    signer: signerOver(fileKeyStore(config.dataDir)),
    config,
    log,
    modules,
    close: () => database.destroy(),
  };
}
