import type { Deps } from '../../deps.js';
import { listProgrammeRows } from './programmes.repository.js';

/** True when no programme exists yet (a fresh database: the first start loads the demo). */
export async function isDatabaseEmpty(deps: Deps): Promise<boolean> {
  return (await listProgrammeRows(deps.db)).length === 0;
}
