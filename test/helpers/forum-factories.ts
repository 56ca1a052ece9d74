import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../src/deps.js';
import { createForum } from '../../src/modules/forums/create-forum.js';
import type { ForumRow } from '../../src/modules/forums/forums.tables.js';
import { postInForum } from '../../src/modules/forums/post-in-forum.js';
import { saveItem } from '../../src/modules/spaces/save-item.js';
import { saveSection } from '../../src/modules/spaces/save-section.js';
import { createTestApp } from './http.js';
import { browserFor, type Client } from './http-extra.js';
import { actorOf } from './pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from './space-factories.js';
import type { TestDeps } from './test-deps.js';

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

/** A test app with a space world, its participant signed in, a discussion and a thread the facilitator opened. */
export interface ForumBed {
  app: FastifyInstance;
  deps: TestDeps;
  close: () => Promise<void>;
  world: SpaceWorld;
  participant: Client;
  forumId: string;
  threadId: string;
}

export async function buildForumBed(opening: { subject: string; body: string }): Promise<ForumBed> {
  const { app, deps, close } = await createTestApp('sqlite');
  const world = await buildSpaceWorld(deps);
  const participant = await browserFor(app, world.participant);
  const forumId = (await buildDiscussion(deps, world)).id;
  const { threadId } = await postInForum(deps.db, deps, actorOf(world.facilitator), { forumId, ...opening });
  return { app, deps, close, world, participant, forumId, threadId };
}
