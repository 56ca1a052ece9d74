import type { Deps } from '../../src/deps.js';
import { createForum } from '../../src/modules/forums/create-forum.js';
import type { ForumRow } from '../../src/modules/forums/forums.tables.js';
import { saveItem } from '../../src/modules/spaces/save-item.js';
import { saveSection } from '../../src/modules/spaces/save-section.js';
import { actorOf } from './pathway-factories.js';
import type { SpaceWorld } from './space-factories.js';

/** A discussion item in the world's space and its forum (`postingRule` as given). */
export async function buildDiscussion(
  deps: Deps,
  world: SpaceWorld,
  options: { postingRule?: 'open' | 'post-first'; title?: string } = {},
): Promise<ForumRow> {
  const staff = actorOf(world.facilitator);
  const section = await saveSection(deps.db, deps, staff, world.edition.id, null, { title: { en: 'Talk' } });
  const item = await saveItem(deps.db, deps, staff, world.edition.id, null, {
    sectionId: section.id,
    kind: 'discussion',
    title: { en: options.title ?? 'Labour migration' },
    settings: { postingRule: options.postingRule ?? 'open' },
    completionRule: 'viewed',
  });
  return createForum(deps.db, deps, {
    editionId: world.edition.id,
    scope: { kind: 'space', id: item.id },
    title: options.title ?? 'Labour migration',
    postingRule: options.postingRule ?? 'open',
  });
}
