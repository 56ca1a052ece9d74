/**
 * Small real SCORM and cmi5 packages for tests (`npx tsx scripts/build-test-packages.ts DIR` writes them as
 * files): SCORM 1.2 that passes, SCORM 2004 that fails, SCORM 1.2 with many SCOs, and a cmi5 course (zipped,
 * and its bare cmi5.xml). Their files are the packages module's samples (`src/modules/packages/sample-packages.ts`,
 * which the demo seed uses too); this zips them with the test zip writer.
 */
import {
  CMI5_AU_ID,
  CMI5_COURSE_ID,
  cmi5Xml,
  type SamplePackageName,
  samplePackageEntries,
} from '../../src/modules/packages/sample-packages.js';
import { buildZip } from './zip-builder.js';

export { CMI5_AU_ID, CMI5_COURSE_ID, cmi5Xml };
export type TestPackageName = SamplePackageName;

/** The bytes of one test package. */
export function buildTestPackage(name: TestPackageName): Buffer {
  const entries = samplePackageEntries(name);
  if (name === 'cmi5-bare') return Buffer.from(entries[0]!.data);
  return buildZip(entries);
}
