import type { Deps } from '../../../deps.js';
import { zipBuffer } from '../../../integrations/zip/zip-writer.js';
import { systemActor } from '../../../kernel/actor.js';
import { findEditionIdByCode } from '../../catalogue/find-ids.js';
import { DEMO_SPACE_EDITION } from '../../spaces/demo/seed-spaces.js';
import { saveSection } from '../../spaces/save-section.js';
import { importPackageIntoSpace } from '../import-package-into-space.js';
import { editionHasPackages } from '../packages.repository.js';
import { demoCmi5Entries, demoScormEntries } from './demo-packages.js';

/**
 * The demo Academy space's self-paced modules: a section holding the SCORM 1.2 quiz and the cmi5 unit
 * (an xAPI activity tracked by the built-in LRS), zipped at seed time and imported as any upload is.
 * Idempotent: an edition that already has packages is left as it is.
 */
export async function seedDemoPackages(deps: Deps): Promise<{ packages: number }> {
  const editionId = await findEditionIdByCode(deps.db, deps, DEMO_SPACE_EDITION);
  if (!editionId) return { packages: 0 };
  if (await editionHasPackages(deps.db, editionId)) return { packages: 0 };
  const system = systemActor('seed');
  const section = await saveSection(deps.db, deps, system, editionId, null, {
    title: { en: 'Self-paced modules', fr: 'Modules à votre rythme', es: 'Módulos a su ritmo' },
    phase: 'self-paced',
  });
  const files = (entries: { name: string; data: string }[]) =>
    zipBuffer(entries.map((e) => ({ name: e.name, bytes: Buffer.from(e.data) })));
  await importPackageIntoSpace(deps.db, deps, system, {
    editionId,
    sectionId: section.id,
    maxAttempts: 3,
    bytes: await files(demoScormEntries()),
    title: {
      en: 'Labour migration data: a short quiz',
      fr: 'Les données sur les migrations de main-d’œuvre : un court quiz',
      es: 'Datos sobre migración laboral: un breve cuestionario',
    },
  });
  await importPackageIntoSpace(deps.db, deps, system, {
    editionId,
    sectionId: section.id,
    bytes: await files(demoCmi5Entries()),
    // Its moveOn is "Completed": reading the unit and confirming completes it.
    completionRule: 'completed',
    title: {
      en: 'Bilateral labour migration agreements (xAPI)',
      fr: 'Les accords bilatéraux de migration de main-d’œuvre (xAPI)',
      es: 'Los acuerdos bilaterales de migración laboral (xAPI)',
    },
  });
  return { packages: 2 };
}
