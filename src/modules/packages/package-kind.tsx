/**
 * The `package` item kind of course spaces: a SCORM or cmi5 package of the edition. Its data lives in this
 * module's tables (the package, keyed by its id in the item's settings); the item shows the person's result
 * and the way in. Results reach the item through spaces' `recordItemOutcome` (report-outcome.ts).
 */
import { z } from 'zod';
import { translator } from '../../i18n/i18n.js';
import { defineSpaceItemKind } from '../spaces/space-item-kind.js';
import { getPackage } from './get-package.js';
import { linkPackageToItem } from './packages.repository.js';

export const packageSettingsSchema = z.object({ packageId: z.string().uuid('validation.invalid') });

export const packageKind = defineSpaceItemKind<z.infer<typeof packageSettingsSchema>>({
  kind: 'package',
  label: 'packages.kind.label',
  completionRules: ['passed', 'completed'],
  settings: packageSettingsSchema,
  async render(db, deps, item, viewer) {
    const view = await getPackage(db, deps, viewer.actor, item.settings.packageId);
    if (view.editionId !== item.editionId) return null;
    const t = translator(viewer.locale);
    const latest = view.attempts.at(-1);
    const result = latest
      ? t.t('packages.page.result', {
          number: latest.number,
          status: t.t(`packages.status.${latest.status}`),
        })
      : t.t('packages.page.notStarted');
    return (
      <div class="package-item">
        <p>
          <a href={`/packages/${view.id}`}>{view.title}</a>
        </p>
        <p>{result}</p>
      </div>
    );
  },
  createPath: (editionId, sectionId) =>
    `/editions/${encodeURIComponent(editionId)}/packages/new?section=${encodeURIComponent(sectionId)}`,
  editPath: (item) => `/packages/${item.settings.packageId}`,
});

/** Links a package to the item that shows it (results are then reported to that item). */
export { linkPackageToItem };
