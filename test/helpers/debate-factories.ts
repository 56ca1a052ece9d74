import type { Deps } from '../../src/deps.js';
import { saveItem } from '../../src/modules/spaces/save-item.js';
import { saveSection } from '../../src/modules/spaces/save-section.js';
import { actorOf } from './pathway-factories.js';
import type { SpaceWorld } from './space-factories.js';

/**
 * A debate item in a new "Debate" section of the world's edition: three positions, opening until 29
 * November, rebuttals until the 30th, closing until 1 December (TEST_NOW is 28 November); `settings` and
 * `item` replace any of them (e.g. `teamMode`, later deadlines, `required`).
 */
export async function buildDebate(
  deps: Deps,
  world: SpaceWorld,
  settings: Record<string, string> = {},
  item: Record<string, unknown> = {},
): Promise<{ id: string }> {
  const staff = actorOf(world.facilitator);
  const section = await saveSection(deps.db, deps, staff, world.edition.id, null, {
    title: { en: 'Debate' },
  });
  return saveItem(deps.db, deps, staff, world.edition.id, null, {
    sectionId: section.id,
    kind: 'debate',
    title: { en: 'Debate' },
    settings: {
      motion: 'Recruitment fees should be paid by employers',
      positions: 'For\nAgainst\nAbstain',
      opening: '2026-11-29T10:00',
      rebuttal: '2026-11-30T10:00',
      closing: '2026-12-01T10:00',
      timeZone: 'UTC',
      ...settings,
    },
    completionRule: 'viewed',
    ...item,
  });
}
