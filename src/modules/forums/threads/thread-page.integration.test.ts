import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { buildDiscussion } from '../../../../test/helpers/forum-factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../../test/helpers/space-factories.js';
import { recordingTables } from '../../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { systemActor } from '../../../kernel/actor.js';
import { updateProfile } from '../../identity/account/update-account.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { attachToPost } from '../attachments/attach-files.js';
import { editPost } from '../edit-post.js';
import { postInForum } from '../forums.port.js';
import { hidePost } from '../moderate-post.js';
import { getForum, getThread } from '../read-forums.js';
import { subscribe } from '../subscribe.js';
import { keptPostsHtml } from '../views/kept-posts.js';
import { readThreadPagePosts, THREAD_PAGE_POSTS_TABLES } from './thread-page-posts.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/**
 * The thread page reads the thread, its forum, its post count and the reader's read mark, thread
 * subscription and "has posted" in one statement, and the posts with their authors' names in another:
 * each reader gets their own standing, never another reader's. A page of posts (with their names, files and
 * edits) is kept until one of its tables is written; every change shows on the next view.
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

    const staffOf = () => actorOf(world.facilitator);
    const reader = () => actorOf(world.participant);

    // First in the file: the posts statement is built once per engine (`reusableQuery`), and recorded then.
    it('names every table a page of posts is read from', async () => {
      const forum = await buildDiscussion(deps, world);
      const { threadId } = await postInForum(deps.db, deps, staffOf(), {
        forumId: forum.id,
        subject: 'Quotas',
        body: 'Opening',
      });
      const { db, read } = recordingTables(deps.db);
      await readThreadPagePosts(db, threadId, 50, 1);
      // `p` is the posts statement's derived table (the page's posts before their authors), not a table.
      const tables = [...read()].filter((name) => name !== 'p').sort();
      expect(tables).toEqual([...THREAD_PAGE_POSTS_TABLES].sort());
    });

    it('is kept between views, and a reply, an edit, a file, a hidden post and a new name show at once', async () => {
      const forum = await buildDiscussion(deps, world);
      const { threadId } = await postInForum(deps.db, deps, staffOf(), {
        forumId: forum.id,
        subject: 'Quotas',
        body: 'Opening',
      });
      const view = (actor = reader()) => getThread(deps.db, deps, actor, threadId, { perPage: 50 });
      const html = async (actor = reader()) => keptPostsHtml(translator('en'), await view(actor), '');
      const first = await view();
      expect((await view()).postsSource).toBe(first.postsSource);

      const { postId } = await postInForum(deps.db, deps, reader(), { threadId, body: 'First words' });
      expect(await html()).toContain('First words');
      // The reader's own post carries their edit link; another reader's view of the same kept page does not.
      expect(await html()).toContain(`action=edit&amp;post=${postId}`);
      expect(await html(staffOf())).toContain(`action=hide&amp;post=${postId}`);

      await editPost(deps.db, deps, reader(), postId, { body: 'Better words' });
      expect(await html()).toContain('Better words');
      // Staff see the earlier text at once.
      expect(await html(staffOf())).toContain('First words');
      expect(await html()).not.toContain('First words');

      await attachToPost(deps.db, deps, reader(), postId, { fileName: 'map.png', bytes: PNG });
      expect(await html()).toContain('map.png');

      await updateProfile(deps.db, deps, staffOf(), {
        fullName: 'Renamed Facilitator',
        preferredLocale: 'en',
      });
      expect(await html()).toContain('Renamed Facilitator');

      await hidePost(deps.db, deps, staffOf(), postId, { note: 'Off topic' });
      expect(await html()).not.toContain('Better words');
      expect(await html(staffOf())).toContain('Off topic');
    });

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
    it('lands a reader on the first page never opened, on the page of the first new post, else on the last', async () => {
      const forum = await buildDiscussion(deps, world);
      const staff = staffOf();
      const { threadId } = await postInForum(deps.db, deps, staff, {
        forumId: forum.id,
        subject: 'Paged',
        body: 'Post 1',
      });
      for (let n = 2; n <= 5; n += 1)
        await postInForum(deps.db, deps, staff, { threadId, body: `Post ${n}` });
      const land = async () => {
        const page = await getThread(deps.db, deps, reader(), threadId, { page: 'landing', perPage: 2 });
        return [page.page, page.pageCount, page.posts.map((p) => p.isNew)];
      };
      // Never opened: page 1 (the visit marks the thread read).
      expect(await land()).toEqual([1, 3, [true, true]]);
      // Three posts after the read mark: five read, the sixth is new, on page 3 of 4.
      deps.clock.advance(60_000);
      for (let n = 6; n <= 8; n += 1)
        await postInForum(deps.db, deps, staff, { threadId, body: `Post ${n}` });
      expect(await land()).toEqual([3, 4, [false, true]]);
      // Nothing new since: the newest page.
      expect(await land()).toEqual([4, 4, [false, false]]);
    });
  });
}
