import type { Deps } from '../../../deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { addDays } from '../../../kernel/clock.js';
import { findEditionWithCourse } from '../../catalogue/catalogue.queries.js';
import { findEditionIdByCode } from '../../catalogue/find-ids.js';
import { saveItem } from '../save-item.js';
import { saveSection } from '../save-section.js';
import { findSpaceOfEdition, listSections } from '../spaces.repository.js';
import { DEMO_SPACE } from './demo-space-content.js';

/** The next Academy edition (English, 2027): the demo's real course space. */
export const DEMO_SPACE_EDITION = 'A9012027';

/**
 * The demo Academy's course space, built through the builder's use cases: sections and pages in English,
 * French and Spanish, a link, due dates relative to the edition's start. Idempotent: a space that already
 * has sections is left as it is.
 */
export async function seedDemoSpaces(deps: Deps): Promise<{ items: number }> {
  const editionId = await findEditionIdByCode(deps.db, deps, DEMO_SPACE_EDITION);
  if (!editionId) return { items: 0 };
  const space = await findSpaceOfEdition(deps.db, editionId);
  if (space && (await listSections(deps.db, space.id)).length) return { items: 0 };
  const found = await findEditionWithCourse(deps.db, editionId);
  if (!found) return { items: 0 };
  const system = systemActor('seed');
  let count = 0;
  for (const section of DEMO_SPACE) {
    const { id: sectionId } = await saveSection(deps.db, deps, system, editionId, null, {
      title: section.title,
      phase: section.phase ?? '',
    });
    let previous: string | null = null;
    for (const item of section.items) {
      const saved: { id: string } = await saveItem(deps.db, deps, system, editionId, null, {
        sectionId,
        kind: item.kind,
        title: item.title,
        settings: item.kind === 'page' ? { body: item.body } : { url: item.url },
        completionRule: item.kind === 'page' ? 'marked-done' : 'viewed',
        required: item.required,
        dueAt:
          item.dueDay === undefined ? '' : `${addDays(found.edition.startsOn, item.dueDay)}T17:00:00.000Z`,
        afterItemId: item.afterPrevious ? previous : null,
      });
      previous = saved.id;
      count += 1;
    }
  }
  return { items: count };
}
