/**
 * Profiling aid (not part of `npm run bench`): keeps a spaces bench database (the spaces suite's data: the demo's
 * Academy space grown to 40 items, 300 more participants with their completions) without running the load, and
 * prints how to profile the space home and a page item with bench/profile-pages.ts and bench/count-queries.ts.
 *
 *   npx tsx bench/spaces-seed.ts [--dialect sqlite|postgres]
 */
import { parseArgs } from 'node:util';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { findEditionIdByCode } from '../src/modules/catalogue/find-ids.js';
import { DEMO_SPACE_EDITION } from '../src/modules/spaces/demo/seed-spaces.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createBenchDatabase } from './bench-database.js';
import { prepare } from './spaces-suite.js';

const { values } = parseArgs({ options: { dialect: { type: 'string', default: 'sqlite' } } });
const database = await createBenchDatabase(values.dialect === 'postgres' ? 'postgres' : 'sqlite', true);
const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
const deps = await createDeps(loadConfig(env));
await seedDemo(deps);
const editionId = await findEditionIdByCode(deps.db, deps, DEMO_SPACE_EDITION);
if (!editionId) throw new Error(`the demo has no edition ${DEMO_SPACE_EDITION}`);
const data = await prepare(deps, editionId, (line) => console.log(line));
await deps.close();
const prefix = `DATABASE_URL=${database.url} DATA_DIR=${database.dataDir}`;
console.log(`Kept: ${database.label}`);
console.log(`${prefix} SHED_EVENT_LOOP_DELAY_MS=0 SHED_MAX_IN_FLIGHT=0 npx tsx bench/profile-pages.ts --no-profile \\
  --rounds 2 --times 300 --as carlos.nunez@example.org /spaces/${editionId} /spaces/${editionId}/items/${data.pageId}`);
console.log(`${prefix} npx tsx bench/count-queries.ts carlos.nunez@example.org /spaces/${editionId}`);
