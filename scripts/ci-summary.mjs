// Reads vitest's JSON report and fails when a promised part of the suite did not run: the PostgreSQL
// integration tests, or the browser journeys. Prints the plain closing line CI reads.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let passed = 0;
let failed = 0;
let skipped = 0;
let postgres = 0;
let browser = 0;
let browserSkipped = 0;
for (const file of report.testResults) {
  const isBrowser = file.name.includes('/test/browser/');
  for (const test of file.assertionResults) {
    const ran = test.status === 'passed';
    if (ran) passed += 1;
    else if (test.status === 'failed') failed += 1;
    else skipped += 1;
    if (ran && test.ancestorTitles.some((title) => title.startsWith('postgres:'))) postgres += 1;
    if (isBrowser && ran) browser += 1;
    if (isBrowser && !ran && test.status !== 'failed') browserSkipped += 1;
  }
}
const problems = [];
if (postgres === 0) problems.push('no PostgreSQL test ran (is TEST_DATABASE_URL set?)');
if (browser === 0) problems.push('no browser test ran');
if (browserSkipped > 0) problems.push(`${browserSkipped} browser tests were skipped`);
console.log(`PostgreSQL tests passed: ${postgres}; browser tests passed: ${browser}; skipped: ${skipped}`);
console.log(`ci: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (problems.length) {
  console.error(`FAIL: ${problems.join('; ')}`);
  process.exit(1);
}
if (failed > 0 || !report.success) process.exit(1);
