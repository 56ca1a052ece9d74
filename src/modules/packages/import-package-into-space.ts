import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { LOCALES, translator } from '../../i18n/i18n.js';
import type { Actor } from '../../kernel/actor.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { firstSectionOf } from '../spaces/spaces.queries.js';
import { importPackage } from './import-package.js';
import { linkPackageToItem } from './packages.repository.js';

/**
 * Imports a package into an edition and places it in the edition's space as a `package` item at the end of
 * its first section (a "Self-paced modules" section is made when the space has none), linked so that the
 * package's results complete the item. All or nothing: a bad package stores neither package nor item.
 */
export async function importPackageIntoSpace(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: { editionId: string; maxAttempts?: number | null; bytes: Buffer },
): Promise<{ packageId: string; itemId: string; standard: string; title: string; units: number }> {
  return inTransaction(db, async (trx) => {
    const { id: packageId, structure } = await importPackage(trx, deps, actor, input);
    const sectionId =
      (await firstSectionOf(trx, input.editionId)) ??
      (
        await saveSection(trx, deps, actor, input.editionId, null, {
          title: Object.fromEntries(LOCALES.map((l) => [l, translator(l).t('spaces.phase.self-paced')])),
          phase: 'self-paced',
        })
      ).id;
    const { id: itemId } = await saveItem(trx, deps, actor, input.editionId, null, {
      sectionId,
      kind: 'package',
      title: { en: structure.title.slice(0, 200) },
      settings: { packageId },
      required: true,
    });
    await linkPackageToItem(trx, packageId, itemId);
    return {
      packageId,
      itemId,
      standard: structure.standard,
      title: structure.title,
      units: structure.scos.length,
    };
  });
}
