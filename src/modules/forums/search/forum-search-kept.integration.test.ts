import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildDiscussion } from '../../../../test/helpers/forum-factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../../test/helpers/space-factories.js';
import { recordingTables } from '../../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { dialectOf } from '../../../db/database.js';
import { fullTextQuery } from '../../../db/helpers.js';
import { updateProfile } from '../../identity/account/update-account.js';
import { editPost } from '../edit-post.js';
import { hidePost, restorePost } from '../moderate-post.js';
import { postInForum } from '../post-in-forum.js';
import { readSearchHits, SEARCH_LIMIT, SEARCH_TABLES, searchEditionPosts } from './search-posts.js';

/**
 * The search's hits are kept per edition, query and scope until a table they come from is written: asked
 * again they cost no statement, and every change (a new post, an edit, moderation, a name) shows on the next
 * search, on both engines.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: kept searches`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    let threadId: string;
    let forumId: string;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
      forumId = (await buildDiscussion(deps, world)).id;
      ({ threadId } = await postInForum(deps.db, deps, actorOf(world.facilitator), {
        forumId,
        subject: 'Harbours',
        body: 'The harbour opens.',
      }));
    });
    afterEach(async () => deps.close());
    const search = (who: 'participant' | 'facilitator', text: string) =>
      searchEditionPosts(deps.db, deps, actorOf(world[who]), world.edition.id, text);
    const excerpts = async (who: 'participant' | 'facilitator', text: string) =>
      (await search(who, text)).hits.map((h) => h.excerpt);

    it('names every table the hits are read from', async () => {
      const { db, read } = recordingTables(deps.db);
      const query = fullTextQuery(dialectOf(deps.db), 'harbour') as string;
      await readSearchHits(
        db,
        world.edition.id,
        query,
        // "Post first" as the author of the post: every clause of the statement, and a hit (its author's name).
        { staff: false, readerId: world.facilitator.id },
        { forumIds: [forumId], ownOnlyForumIds: [forumId] },
      );
      expect([...read()].sort()).toEqual([...SEARCH_TABLES].sort());
    });

    it('keeps a search between requests; a new post, an edit, moderation and a name show at once', async () => {
      const first = await search('participant', 'harbour');
      expect((await search('participant', 'harbour')).hits).toBe(first.hits);
      // A new post is found on the next search.
      const { postId } = await postInForum(deps.db, deps, actorOf(world.participant), {
        threadId,
        body: 'A second harbour.',
      });
      expect(await excerpts('participant', 'harbour')).toEqual(['A second harbour.', 'The harbour opens.']);
      // Its edit: the new words are found, the old ones no more.
      await editPost(deps.db, deps, actorOf(world.participant), postId, { body: 'A second quay.' });
      expect(await excerpts('participant', 'harbour')).toEqual(['The harbour opens.']);
      expect(await excerpts('participant', 'quay')).toEqual(['A second quay.']);
      // Hidden: gone for participants, still found by staff; restored: back.
      await hidePost(deps.db, deps, actorOf(world.facilitator), postId, { note: 'Off topic' });
      expect(await excerpts('participant', 'quay')).toEqual([]);
      expect(await excerpts('facilitator', 'quay')).toEqual(['A second quay.']);
      await restorePost(deps.db, deps, actorOf(world.facilitator), postId);
      expect(await excerpts('participant', 'quay')).toEqual(['A second quay.']);
      // The author's new name.
      await updateProfile(deps.db, deps, actorOf(world.participant), {
        fullName: 'Renamed Participant',
        preferredLocale: 'en',
      });
      expect((await search('facilitator', 'quay')).hits.map((h) => h.author)).toEqual([
        'Renamed Participant',
      ]);
    });

    it('says when more posts match than the newest shown', async () => {
      for (let i = 0; i < SEARCH_LIMIT; i++) {
        deps.clock.advance(1000);
        await postInForum(deps.db, deps, actorOf(world.facilitator), { threadId, body: `Pier ${i}` });
      }
      const exactly = await search('participant', 'pier');
      expect([exactly.hits.length, exactly.more]).toEqual([SEARCH_LIMIT, false]);
      deps.clock.advance(1000);
      await postInForum(deps.db, deps, actorOf(world.facilitator), { threadId, body: 'Pier again' });
      const more = await search('participant', 'pier');
      expect([more.hits.length, more.more, more.hits[0]?.excerpt]).toEqual([
        SEARCH_LIMIT,
        true,
        'Pier again',
      ]);
    }, 60_000);
  });
}
