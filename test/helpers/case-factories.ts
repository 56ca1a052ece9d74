import type { Deps } from '../../src/deps.js';
import type { Actor } from '../../src/kernel/actor.js';
import { saveCase } from '../../src/modules/cases/save-case.js';
import { scheduleNews } from '../../src/modules/cases/schedule-news.js';
import { saveItem } from '../../src/modules/spaces/save-item.js';
import { saveSection } from '../../src/modules/spaces/save-section.js';

/** A word of the news released later: a page or a read model that holds it before its date leaks it. */
export const LATER_NEWS = 'AGREEMENT-ANNOUNCED-later';

/**
 * A case item in the edition's space (TEST_NOW is 2026-11-28T10:00Z): individual answers due on 2026-12-10,
 * one piece of news released already and one on 2026-12-05, a debrief.
 */
export async function buildCase(deps: Deps, staff: Actor, editionId: string): Promise<{ itemId: string }> {
  const section = await saveSection(deps.db, deps, staff, editionId, null, { title: { en: 'Case' } });
  const { id: itemId } = await saveItem(deps.db, deps, staff, editionId, null, {
    sectionId: section.id,
    kind: 'case',
    title: { en: 'Sundara: seasonal workers' },
    settings: {},
    completionRule: 'viewed',
  });
  await saveCase(deps.db, deps, staff, itemId, {
    context: { en: 'Sundara sends 200,000 workers abroad.' },
    questions: { en: '1. What should the agreement say about fees?' },
    deadlineAt: '2026-12-10T17:00Z',
    debrief: { en: 'DEBRIEF-after-deadline' },
  });
  await scheduleNews(deps.db, deps, staff, itemId, {
    title: { en: 'Floods hit the north' },
    releaseAt: '2026-11-20T08:00Z',
  });
  await scheduleNews(deps.db, deps, staff, itemId, {
    title: { en: 'The government announces a bilateral agreement' },
    body: { en: LATER_NEWS },
    releaseAt: '2026-12-05T08:00Z',
  });
  return { itemId };
}
