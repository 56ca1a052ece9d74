import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildDiscussion } from '../../../../test/helpers/forum-factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { newId } from '../../../kernel/ids.js';
import { RECENT_WINDOW } from '../forum-activity.repository.js';
import type { PostRow } from '../forums.tables.js';
import { insertPostsBulk } from '../forums-bulk.repository.js';
import { postInForum } from '../post-in-forum.js';
import { SEARCH_LIMIT, searchEditionPosts } from './search-posts.js';

const POSTS = RECENT_WINDOW + 100;

/**
 * The search over an edition's posts: common words are found among the newest posts (PostgreSQL reads the
 * newest RECENT_WINDOW first), rare ones through the index; either way the newest visible matches, a new
 * post at once, hidden posts for staff only.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: searching an edition's posts`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    let posts: PostRow[];
    let threadId: string;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
      const forum = await buildDiscussion(deps, world);
      ({ threadId } = await postInForum(deps.db, deps, actorOf(world.facilitator), {
        forumId: forum.id,
        subject: 'Ports',
        body: 'An opening post.',
      }));
      const start = deps.clock.now().getTime() - POSTS * 60_000;
      // Post i: "harbour" when i is a multiple of 5 (a common word, in the newest posts too), "fossil" in
      // the 60 oldest only (a rare word, none among the newest RECENT_WINDOW).
      posts = Array.from({ length: POSTS }, (_v, i) => ({
        id: newId(),
        thread_id: threadId,
        forum_id: forum.id,
        edition_id: world.edition.id,
        author_id: world.facilitator.id,
        persona: null,
        body: `Post ${i}${i % 5 === 0 ? ' harbour' : ''}${i < 60 ? ' fossil' : ''}`,
        reply_to: null,
        hidden: i === POSTS - 5 ? 1 : 0,
        hidden_note: i === POSTS - 5 ? 'off topic' : null,
        hidden_by: i === POSTS - 5 ? world.facilitator.id : null,
        created_at: new Date(start + i * 60_000).toISOString(),
        edited_at: null,
      }));
      await insertPostsBulk(deps.db, posts, new Map());
    }, 120_000);
    afterAll(async () => deps?.close());

    const search = async (who: 'participant' | 'facilitator', text: string) =>
      (await searchEditionPosts(deps.db, deps, actorOf(world[who]), world.edition.id, text)).hits.map(
        (h) => h.postId,
      );
    const newest = (rows: PostRow[]) =>
      rows
        .slice()
        .reverse()
        .slice(0, SEARCH_LIMIT)
        .map((p) => p.id);

    it('finds the newest matches of a common word, hidden posts for staff only', async () => {
      const harbour = posts.filter((p) => p.body.includes('harbour'));
      expect(await search('participant', 'harbour')).toEqual(newest(harbour.filter((p) => p.hidden === 0)));
      expect(await search('facilitator', 'harb')).toEqual(newest(harbour));
    });

    it('shows a long post as its first 240 characters and an ellipsis, a short one whole', async () => {
      const long = `Lighthouse ${'x'.repeat(300)}`;
      await postInForum(deps.db, deps, actorOf(world.facilitator), { threadId, body: long });
      deps.clock.advance(60_000);
      await postInForum(deps.db, deps, actorOf(world.facilitator), { threadId, body: 'Lighthouse short' });
      const found = await searchEditionPosts(
        deps.db,
        deps,
        actorOf(world.participant),
        world.edition.id,
        'lighthouse',
      );
      expect(found.hits.map((h) => h.excerpt)).toEqual(['Lighthouse short', `${long.slice(0, 240)}…`]);
    });

    it('finds the newest matches of a rare word far behind the newest posts', async () => {
      expect(await search('participant', 'fossil')).toEqual(
        newest(posts.filter((p) => p.body.includes('fossil'))),
      );
      expect(await search('participant', 'fossil harbour')).toEqual(
        posts
          .filter((p) => p.body.includes('fossil') && p.body.includes('harbour'))
          .reverse()
          .map((p) => p.id),
      );
    });

    it('finds a new post at once', async () => {
      const { postId } = await postInForum(deps.db, deps, actorOf(world.participant), {
        threadId,
        body: 'A new fossil found in the harbour',
      });
      expect((await search('participant', 'fossil'))[0]).toBe(postId);
      expect((await search('participant', 'harbour'))[0]).toBe(postId);
    });

    it('still finds an edition’s matches when hundreds of newer matches are another edition’s', async () => {
      const before = await search('participant', 'fossil');
      const other = await buildSpaceWorld(deps);
      const otherForum = await buildDiscussion(deps, other);
      const { threadId: otherThread } = await postInForum(deps.db, deps, actorOf(other.facilitator), {
        forumId: otherForum.id,
        subject: 'Elsewhere',
        body: 'Another edition.',
      });
      const later = deps.clock.now().getTime() + 60_000;
      const newer: PostRow[] = Array.from({ length: 420 }, (_v, i) => ({
        ...posts[0]!,
        id: newId(),
        thread_id: otherThread,
        forum_id: otherForum.id,
        edition_id: other.edition.id,
        author_id: other.facilitator.id,
        body: `Elsewhere ${i} fossil`,
        hidden: 0,
        hidden_note: null,
        hidden_by: null,
        created_at: new Date(later + i * 1000).toISOString(),
      }));
      await insertPostsBulk(deps.db, newer, new Map());
      expect(await search('participant', 'fossil')).toEqual(before);
    }, 120_000);
  });
}
