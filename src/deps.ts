import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Dialect } from './db/database.js';
import type { DB } from './db/schema.js';
import type { Mailer } from './integrations/mail.js';
import type { Signer } from './integrations/signer.js';
import type { Storage } from './integrations/storage.js';
import type { Clock } from './kernel/clock.js';

/** The minimal logger use cases may write to (pino's shape). */
export interface Logger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/**
 * Everything a use case may reach, built once in `app.ts` (or by tests) and passed explicitly:
 * no global database handle, no service locator.
 */
export interface Deps {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  mailer: Mailer;
  /** Files (generated PDFs): a local folder by default. */
  storage: Storage;
  /** The issuer's keys for signing credentials. */
  signer: Signer;
  config: Config;
  log: Logger;
}
