import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { listProgrammeRows } from './programmes.repository.js';

/** True when no programme exists yet (a fresh database: the first start loads the demo). */
export async function isDatabaseEmpty(db: Executor, _deps: Services): Promise<boolean> {
  return (await listProgrammeRows(db)).length === 0;
}
