import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { listNotifications } from '../../notifications/list-notifications.js';
import { markItemDone } from '../../spaces/mark-item-done.js';
import { saveItem } from '../../spaces/save-item.js';
import { saveSection } from '../../spaces/save-section.js';
import { createForum, postInForum } from '../forums.port.js';
import { subscribe } from '../subscribe.js';
import { sendDigests } from './send-digests.js';

/**
 * The daily digest counts no post of a discussion still locked for its reader (its date to come, its
 * prerequisite not done), as the discussion's pages are not found for them; once it opens, it counts.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: digests and locked discussions`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => deps.close());

    it('counts a locked discussion’s posts only once it is open to the reader', async () => {
      const staff = actorOf(world.facilitator);
      const me = actorOf(world.participant);
      const section = await saveSection(deps.db, deps, staff, world.edition.id, null, { title: { en: 'S' } });
      const reading = await saveItem(deps.db, deps, staff, world.edition.id, null, {
        sectionId: section.id,
        kind: 'page',
        title: { en: 'Read first' },
        settings: { body: { en: 'Text' } },
        completionRule: 'marked-done',
      });
      // Made open, followed, then locked (a locked discussion cannot be followed).
      const discussion = async (title: string, lock: { afterItemId?: string; availableFrom?: string }) => {
        const input = {
          sectionId: section.id,
          kind: 'discussion',
          title: { en: title },
          settings: { postingRule: 'open' },
          completionRule: 'viewed',
        };
        const item = await saveItem(deps.db, deps, staff, world.edition.id, null, input);
        const forum = await createForum(deps.db, deps, {
          editionId: world.edition.id,
          scope: { kind: 'space', id: item.id },
          title,
        });
        await subscribe(deps.db, deps, me, { kind: 'forum', id: forum.id }, 'digest');
        await saveItem(deps.db, deps, staff, world.edition.id, item.id, { ...input, ...lock });
        await postInForum(deps.db, deps, staff, { forumId: forum.id, subject: 'Opening', body: 'Hello' });
        return forum;
      };
      const afterReading = await discussion('After the reading', { afterItemId: reading.id });
      const later = await discussion('Next month', { availableFrom: '2026-12-20T09:00Z' });
      const digests = async () =>
        (await listNotifications(deps.db, deps, me, { page: 1 })).items
          .filter((n) => n.kind === 'forums.digest')
          .map((n) => (n.notice.event as unknown as { posts: number }).posts);
      deps.clock.set('2026-11-29T09:00:00.000Z');
      await sendDigests(deps.db, deps, deps.clock.now());
      expect(await digests()).toEqual([]);
      // The prerequisite done: the next day's digest counts that discussion's new post, not the other's.
      await markItemDone(deps.db, deps, me, world.edition.id, reading.id);
      deps.clock.set('2026-11-29T12:00:00.000Z');
      await postInForum(deps.db, deps, staff, { forumId: afterReading.id, subject: 'Next', body: 'More' });
      await postInForum(deps.db, deps, staff, { forumId: later.id, subject: 'Next', body: 'More' });
      deps.clock.set('2026-11-30T09:00:00.000Z');
      await sendDigests(deps.db, deps, deps.clock.now());
      expect(await digests()).toEqual([1]);
    });
  });
}
