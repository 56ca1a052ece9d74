import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildDiscussion } from '../../../test/helpers/forum-factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import type { Actor } from '../../kernel/actor.js';
import { attachToPost } from './attachments/attach-files.js';
import { editPost } from './edit-post.js';
import { hidePost, restorePost } from './moderate-post.js';
import { postInForum } from './post-in-forum.js';
import { getThread, type ThreadPage } from './read-forums.js';
import { keptPostsHtml, postFrame } from './views/kept-posts.js';
import { PostItem } from './views/post-item.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** The posts as preact renders them, with nothing kept. */
function rendered(page: ThreadPage, locale: 'en' | 'fr', linkBase: string): string {
  const t = translator(locale);
  const frame = postFrame(page, linkBase);
  return page.posts.map((post) => renderToString(<PostItem t={t} page={frame} post={post} />)).join('');
}

/**
 * A thread page's posts are kept rendered: the kept HTML must be, byte for byte, what a new rendering gives
 * for every kind of post and reader, and an edit, a file, a hidden post or a new reply shows at once. Posts
 * hold links to their actions, never a form: the page renders its one action form per request.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: a thread's kept posts`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    let threadId: string;
    let replyId: string;
    let staff: Actor;
    let participant: Actor;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
      staff = actorOf(world.facilitator);
      participant = actorOf(world.participant);
      const forum = await buildDiscussion(deps, world);
      ({ threadId } = await postInForum(deps.db, deps, staff, {
        forumId: forum.id,
        subject: 'Fees',
        body: 'Opening *post*',
      }));
      ({ postId: replyId } = await postInForum(deps.db, deps, participant, { threadId, body: 'My reply' }));
      await attachToPost(deps.db, deps, participant, replyId, { fileName: 'map.png', bytes: PNG });
      const edited = await postInForum(deps.db, deps, participant, { threadId, body: 'First text' });
      await editPost(deps.db, deps, participant, edited.postId, { body: 'Second text' });
      const hidden = await postInForum(deps.db, deps, participant, { threadId, body: 'Off topic' });
      await hidePost(deps.db, deps, staff, hidden.postId, { note: 'Not here' });
    }, 60_000);
    afterAll(async () => deps?.close());

    const page = (who: Actor) => getThread(deps.db, deps, who, threadId, { perPage: 50, markRead: false });

    it('gives what a new rendering gives, for participants and staff, in each language, kept or not', async () => {
      // At the thread's own address its links are relative; at a form's address (a refused form) they are not.
      for (const linkBase of ['', `/threads/${threadId}`])
        for (const who of [participant, staff])
          for (const locale of ['en', 'fr'] as const) {
            const shown = await page(who);
            const expected = rendered(shown, locale, linkBase);
            expect(keptPostsHtml(translator(locale), shown, linkBase)).toBe(expected);
            // The second time it is kept: still the same, and no post holds a form (nor a CSRF token).
            expect(keptPostsHtml(translator(locale), shown, linkBase)).toBe(expected);
            expect(expected).not.toMatch(/<form|_csrf/);
            expect(expected).toContain(`href="${linkBase}?page=1&amp;quote=${replyId}#reply"`);
          }
      const staffHtml = keptPostsHtml(translator('en'), await page(staff), '');
      expect(staffHtml).toContain('Not here');
      expect(staffHtml).toContain('First text');
      expect(staffHtml).toContain('map.png');
    });

    it('shows an edit, a new file, a hidden or restored post and a new reply at once', async () => {
      const html = async (who: Actor) => keptPostsHtml(translator('en'), await page(who), '');
      expect(await html(participant)).toContain('My reply');
      await editPost(deps.db, deps, participant, replyId, { body: 'My better reply' });
      expect(await html(participant)).toContain('My better reply');
      await attachToPost(deps.db, deps, participant, replyId, { fileName: 'chart.png', bytes: PNG });
      expect(await html(participant)).toContain('chart.png');
      await hidePost(deps.db, deps, staff, replyId, { note: 'Check' });
      expect(await html(participant)).not.toContain('My better reply');
      expect(await html(staff)).toContain('Check');
      await restorePost(deps.db, deps, staff, replyId);
      expect(await html(participant)).toContain('My better reply');
      await postInForum(deps.db, deps, staff, { threadId, body: 'A late answer' });
      const last = await getThread(deps.db, deps, participant, threadId, {
        page: 'last',
        perPage: 2,
        markRead: false,
      });
      expect(last.page).toBe(last.pageCount);
      expect(keptPostsHtml(translator('en'), last, '')).toContain('A late answer');
    });
  });
}
