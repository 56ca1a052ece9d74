/**
 * Profiling aid (not part of `npm run bench`): keeps an assessment bench database (bench/assessment-data.ts)
 * and prints how to profile its pages with bench/profile-pages.ts and bench/count-queries.ts.
 *
 *   npx tsx bench/assessment-seed.ts [--people 300] [--dialect sqlite|postgres] [--near-identical]
 *
 * `--near-identical`: every participant hands in nearly the same sentence (the similarity pages' worst case).
 */
import { parseArgs } from 'node:util';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { TEST_PASSWORD } from '../test/helpers/factories.js';
import { seedAssessment } from './assessment-data.js';
import { createBenchDatabase } from './bench-database.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '300' },
    dialect: { type: 'string', default: 'sqlite' },
    'near-identical': { type: 'boolean', default: false },
  },
});
const database = await createBenchDatabase(values.dialect === 'postgres' ? 'postgres' : 'sqlite', true);
const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
const deps = await createDeps(loadConfig(env));
const data = await seedAssessment(
  deps,
  Number(values.people),
  (line) => console.log(line),
  values['near-identical'] ? 'near-identical' : 'distinct',
);
await deps.close();
const prefix = `DATABASE_URL=${database.url} DATA_DIR=${database.dataDir} PROFILE_PASSWORD='${TEST_PASSWORD}'`;
console.log(`Kept: ${database.label}`);
console.log(`${prefix} npx tsx bench/profile-pages.ts --no-profile --rounds 3 --times 200 \\
  --as ${data.facilitator.email} /marking/editions/${data.editionId} /marking/rubrics/${data.rubricId} \\
  /assignments/marking/${data.submissionId} /marking/submissions/${data.markingId} \\
  /assignments/${data.assignmentId}/manage /results/${data.editionId}`);
console.log(`${prefix} npx tsx bench/profile-pages.ts --no-profile --as ${data.assessor.email} /marking/my`);
console.log(
  `${prefix} npx tsx bench/profile-pages.ts --no-profile --as ${data.participant.email} /assignments/${data.assignmentId}`,
);
console.log(
  `${prefix} npx tsx bench/count-queries.ts ${data.facilitator.email} /marking/editions/${data.editionId}`,
);
