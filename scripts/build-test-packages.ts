/**
 * Writes the small test packages (SCORM 1.2 passing, SCORM 2004 failing, SCORM 1.2 with many SCOs, cmi5
 * zipped and bare) into a folder: `npx tsx scripts/build-test-packages.ts [DIR]` (default ./test-packages).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildTestPackage, type TestPackageName } from '../test/helpers/test-packages.js';

const dir = resolve(process.argv[2] ?? 'test-packages');
mkdirSync(dir, { recursive: true });
const names: TestPackageName[] = [
  'scorm12-passing',
  'scorm2004-failing',
  'scorm12-many-scos',
  'cmi5',
  'cmi5-bare',
];
for (const name of names) {
  const file = join(dir, name === 'cmi5-bare' ? 'cmi5.xml' : `${name}.zip`);
  writeFileSync(file, buildTestPackage(name));
  process.stdout.write(`${file}\n`);
}
