import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Dialect } from './db/database.js';
import type { DB } from './db/schema.js';
import type { Mailer } from './integrations/mail.js';
import type { Signer } from './integrations/signer.js';
import type { Storage } from './integrations/storage.js';
import type { Clock } from './kernel/clock.js';
import type { Keyring } from './modules/credentials/keys/keys.js';
import type { Module } from './modules/module.js';

/** The minimal logger use cases may write to (pino's shape). */
export interface Logger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/**
 * What a use case may reach besides the database, passed explicitly: no global handle, no service
 * locator. A use case takes the executor it runs on first (`useCase(db, deps, actor, input)`): the
 * database, or a caller's transaction. `Services` has no database on purpose, so that a query on the root
 * database from inside a transaction (which waits for itself on SQLite) cannot be written.
 */
export interface Services {
  dialect: Dialect;
  clock: Clock;
  mailer: Mailer;
  /** Files (generated PDFs): a local folder by default. */
  storage: Storage;
  /** The issuer's keys for signing credentials. */
  signer: Signer<Keyring>;
  config: Config;
  log: Logger;
  /** The modules this platform runs (`src/modules/index.ts`): what they register is read from here. */
  modules: readonly Module[];
}

/** The services plus the root database: what adapters (routes, jobs, the CLI, tests) hold. */
export interface Deps extends Services {
  db: Kysely<DB>;
}
