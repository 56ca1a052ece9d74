import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { buildDiscussion } from '../../../../test/helpers/forum-factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { postInForum } from '../forums.port.js';
import { getForum, getThread } from '../read-forums.js';
import { subscribe } from '../subscribe.js';

/**
 * The thread page reads the thread, its forum, its post count and the reader's read mark, thread
 * subscription and "has posted" in one statement, and the posts with their authors' names in another:
 * each reader gets their own standing, never another reader's.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: a thread page's reader standing`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => deps.close());

    it('gives each reader their own subscription, read mark and post-first standing, with the authors’ names', async () => {
      const forum = await buildDiscussion(deps, world, { postingRule: 'post-first' });
      const ana = await buildPerson(deps, { fullName: 'Ana Silva' });
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: ana.email,
        fundingKind: 'self',
      });
      const me = actorOf(world.participant);
      const staff = actorOf(world.facilitator);
      const { threadId } = await postInForum(deps.db, deps, actorOf(ana), {
        forumId: forum.id,
        subject: 'Reflection',
        body: 'Mine',
      });
      // Ana follows the thread; I follow the forum only (not the thread).
      await subscribe(deps.db, deps, actorOf(ana), { kind: 'thread', id: threadId }, 'immediate');
      await subscribe(deps.db, deps, me, { kind: 'forum', id: forum.id }, 'digest');
      const mine = await getThread(deps.db, deps, me, threadId);
      expect([mine.subscription, mine.total, mine.posts.length, mine.withheld]).toEqual([null, 1, 0, 1]);
      const hers = await getThread(deps.db, deps, actorOf(ana), threadId);
      expect([hers.subscription, hers.posts.map((p) => [p.author, p.isNew])]).toEqual([
        'immediate',
        [['Ana Silva', false]],
      ]);
      // Reading the thread before posting marked nothing read: once I have posted, her posts are new to me
      // (the one withheld from my visit and the one she wrote since), once.
      deps.clock.advance(60_000);
      await postInForum(deps.db, deps, me, { threadId, body: 'Also mine' });
      deps.clock.advance(60_000);
      await postInForum(deps.db, deps, actorOf(ana), { threadId, body: 'A reply' });
      const listed = await getForum(deps.db, deps, me, forum.id);
      expect(listed.threads.map((t) => [t.posts, t.unread])).toEqual([[3, 2]]);
      const after = await getThread(deps.db, deps, me, threadId);
      expect(after.posts.map((p) => [p.author, p.isNew])).toEqual([
        ['Ana Silva', true],
        [expect.stringMatching(/^Test Person /), false],
        ['Ana Silva', true],
      ]);
      expect((await getForum(deps.db, deps, me, forum.id)).threads.map((t) => t.unread)).toEqual([0]);
      expect(after.total).toBe(3);
      expect((await getThread(deps.db, deps, me, threadId)).posts.map((p) => p.isNew)).toEqual([
        false,
        false,
        false,
      ]);
      // Staff read everything, with no standing of their own.
      const theirs = await getThread(deps.db, deps, staff, threadId);
      expect([theirs.subscription, theirs.posts.length, theirs.withheld]).toEqual([null, 3, 0]);
    });
  });
}
