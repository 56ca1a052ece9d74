import type { Transaction } from 'kysely';
import type { Executor } from './database.js';
import type { DB } from './schema.js';

/**
 * Runs `work` in a transaction: a new one on the database, or the caller's own when `db` is already a
 * transaction. This is how use cases compose: each opens "its" transaction through this helper, so a
 * caller that passes its transaction makes the callee's writes part of it (all or nothing), and no use
 * case needs a "…InTransaction" twin.
 */
export async function inTransaction<T>(db: Executor, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  return db.transaction().execute(work);
}
