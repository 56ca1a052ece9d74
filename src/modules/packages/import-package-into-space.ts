import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { LOCALES, translator } from '../../i18n/i18n.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { firstSectionOf, sectionsOfEdition } from '../spaces/spaces.queries.js';
import { importPackage } from './import-package.js';
import { linkPackageToItem } from './packages.repository.js';

/**
 * Imports a package into an edition and places it in the edition's space as a `package` item at the end of
 * the chosen section — by default its first section (a "Self-paced modules" section is made when the space
 * has none) — linked so that the package's results complete the item. A section of another edition is
 * refused (`validation_failed` on `sectionId`). All or nothing: a bad package stores neither package nor item.
 */
export async function importPackageIntoSpace(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: {
    editionId: string;
    maxAttempts?: number | null;
    bytes: Buffer;
    /** The section of the edition's space to place it in (null or absent: the first). */
    sectionId?: string | null;
    /** The item's title (default: the package's own, in English). */
    title?: LocalizedText;
    /** When the item is complete (default: the kind's first rule, "passed"). */
    completionRule?: 'passed' | 'completed';
  },
): Promise<{ packageId: string; itemId: string; standard: string; title: string; units: number }> {
  return inTransaction(db, async (trx) => {
    const { id: packageId, structure } = await importPackage(trx, deps, actor, input);
    // Checked once the actor is known to manage the edition (403 first); refusing rolls the package back.
    const chosen = input.sectionId || null;
    if (chosen && !(await sectionsOfEdition(trx, input.editionId)).some((s) => s.id === chosen))
      throw new AppError('validation_failed', {}, [
        { path: 'sectionId', key: 'packages.error.unknownSection' },
      ]);
    const sectionId =
      chosen ??
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
      title: input.title ?? { en: structure.title.slice(0, 200) },
      settings: { packageId },
      ...(input.completionRule ? { completionRule: input.completionRule } : {}),
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
