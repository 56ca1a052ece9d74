import type { Deps } from '../../src/deps.js';
import { saveItem } from '../../src/modules/spaces/save-item.js';
import { saveSection } from '../../src/modules/spaces/save-section.js';
import { actorOf } from './pathway-factories.js';
import type { SpaceWorld } from './space-factories.js';

/** A webinar item in a new "Live sessions" section of the world's edition (external Zoom link by default). */
export async function buildWebinar(
  deps: Deps,
  world: SpaceWorld,
  options: {
    startsAt: string;
    endsAt: string;
    provider?: 'bbb' | 'external';
    url?: string;
    completionRule?: string;
    title?: Record<string, string>;
  },
): Promise<{ id: string; sectionId: string }> {
  const staff = actorOf(world.facilitator);
  const section = await saveSection(deps.db, deps, staff, world.edition.id, null, {
    title: { en: 'Live sessions' },
    phase: 'live',
  });
  const item = await saveItem(deps.db, deps, staff, world.edition.id, null, {
    sectionId: section.id,
    kind: 'webinar',
    title: options.title ?? { en: 'Opening webinar', fr: 'Webinaire d’ouverture' },
    settings: {
      startsAt: options.startsAt,
      endsAt: options.endsAt,
      timeZone: 'UTC',
      provider: options.provider ?? 'external',
      url: options.url ?? (options.provider === 'bbb' ? '' : 'https://zoom.us/j/123456'),
    },
    completionRule: options.completionRule ?? 'attended',
    required: true,
  });
  return { id: item.id, sectionId: section.id };
}
