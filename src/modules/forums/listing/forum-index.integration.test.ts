import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { buildDiscussion } from '../../../../test/helpers/forum-factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../../test/helpers/space-factories.js';
import { recordingTables } from '../../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import { updateProfile } from '../../identity/account/update-account.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { THREADS_PER_WEB_PAGE } from '../forum.js';
import { hidePost, restorePost } from '../moderate-post.js';
import { postInForum } from '../post-in-forum.js';
import { getForum, getThread } from '../read-forums.js';
import { subscribe } from '../subscribe.js';
import { setThreadFlags } from '../threads/set-thread-flags.js';
import { ThreadList } from '../views/forum-parts.js';
import { FORUM_INDEX_TABLES, forumIndex, readForumIndex } from './forum-index.js';
import { STANDING_BATCH } from './forum-index.repository.js';

/**
 * A forum's index (its threads in order with their post counts) is kept until one of its tables is written;
 * what each reader sees of it (unread counts, "post first", the subscription) is read per request, for the
 * page shown. Every change must show at once, on both engines.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the kept index of a forum`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => deps.close());
    const staff = () => actorOf(world.facilitator);
    const me = () => actorOf(world.participant);
    /** Subject, posts, unread of each thread of the page, as `actor` sees it. */
    const lines = async (actor: ReturnType<typeof actorOf>, forumId: string, page?: number) =>
      (
        await getForum(deps.db, deps, actor, forumId, page ? { page, perPage: THREADS_PER_WEB_PAGE } : {})
      ).threads.map((t) => [t.subject, t.posts, t.unread]);

    it('names every table the index is read from', async () => {
      const forum = await buildDiscussion(deps, world);
      await postInForum(deps.db, deps, staff(), { forumId: forum.id, subject: 'Quotas', body: 'Opening' });
      const { db, read } = recordingTables(deps.db);
      await readForumIndex(db, forum.id);
      const tables = [...read()].sort();
      expect(tables).toEqual([...FORUM_INDEX_TABLES].sort());
    });

    it('is kept between requests, and posts, moderation, flags and names show at once', async () => {
      const forum = await buildDiscussion(deps, world);
      const quotas = await postInForum(deps.db, deps, staff(), {
        forumId: forum.id,
        subject: 'Quotas',
        body: 'Opening',
      });
      deps.clock.advance(60_000);
      await postInForum(deps.db, deps, staff(), { forumId: forum.id, subject: 'Visas', body: 'Opening' });
      const first = await forumIndex(deps.db, forum.id);
      expect(await forumIndex(deps.db, forum.id)).toBe(first);
      expect(Object.isFrozen(first?.threads)).toBe(true);
      expect(await lines(me(), forum.id)).toEqual([
        ['Visas', 1, 1],
        ['Quotas', 1, 1],
      ]);

      // A reply moves its thread first and counts at once; posting marks the thread read for its author.
      deps.clock.advance(60_000);
      const reply = await postInForum(deps.db, deps, me(), { threadId: quotas.threadId, body: 'A question' });
      expect(await lines(me(), forum.id)).toEqual([
        ['Quotas', 2, 0],
        ['Visas', 1, 1],
      ]);
      expect(await lines(staff(), forum.id)).toEqual([
        ['Quotas', 2, 1],
        ['Visas', 1, 0],
      ]);

      // Opening a thread marks it read (per request, nothing kept): a later reply is the only new post.
      await getThread(deps.db, deps, staff(), quotas.threadId);
      expect((await lines(staff(), forum.id))[0]).toEqual(['Quotas', 2, 0]);
      deps.clock.advance(60_000);
      const answer = await postInForum(deps.db, deps, staff(), { threadId: quotas.threadId, body: 'Answer' });
      expect((await lines(me(), forum.id))[0]).toEqual(['Quotas', 3, 1]);

      // A hidden post leaves participants' counts (not staff's) at once; restored, it is back.
      await hidePost(deps.db, deps, staff(), answer.postId, { note: 'Off topic' });
      expect((await lines(me(), forum.id))[0]).toEqual(['Quotas', 2, 0]);
      expect((await lines(staff(), forum.id))[0]?.[1]).toBe(3);
      await restorePost(deps.db, deps, staff(), answer.postId);
      expect((await lines(me(), forum.id))[0]).toEqual(['Quotas', 3, 1]);

      // Pinned first; locked shown; an author's new name.
      await setThreadFlags(deps.db, deps, staff(), quotas.threadId, { locked: true });
      const visas = (await getForum(deps.db, deps, me(), forum.id)).threads[1]!;
      await setThreadFlags(deps.db, deps, staff(), visas.id, { pinned: true });
      await updateProfile(deps.db, deps, staff(), { fullName: 'Renamed Facilitator', preferredLocale: 'en' });
      const after = (await getForum(deps.db, deps, me(), forum.id)).threads;
      expect(after.map((t) => [t.subject, t.pinned, t.locked, t.author])).toEqual([
        ['Visas', true, false, 'Renamed Facilitator'],
        ['Quotas', false, true, 'Renamed Facilitator'],
      ]);
      expect(reply.postId).toBeTruthy();

      // Inside a transaction it is read, never kept from there.
      const kept = await forumIndex(deps.db, forum.id);
      await deps.db.transaction().execute(async (trx) => {
        expect(await forumIndex(trx, forum.id)).not.toBe(kept);
      });
    });

    it('pages the threads, pinned first then newest activity first; the API form lists them all', async () => {
      const forum = await buildDiscussion(deps, world);
      const total = THREADS_PER_WEB_PAGE + STANDING_BATCH + 3;
      const ids: string[] = [];
      for (let i = 1; i <= total; i++) {
        deps.clock.advance(1_000);
        ids.push(
          (await postInForum(deps.db, deps, staff(), { forumId: forum.id, subject: `T${i}`, body: 'x' }))
            .threadId,
        );
      }
      // The oldest thread pinned, the second oldest gets a reply (newest activity), one read.
      await setThreadFlags(deps.db, deps, staff(), ids[0]!, { pinned: true });
      deps.clock.advance(1_000);
      await postInForum(deps.db, deps, staff(), { threadId: ids[1]!, body: 'Later' });
      await getThread(deps.db, deps, me(), ids[total - 1]!);
      await subscribe(deps.db, deps, me(), { kind: 'forum', id: forum.id }, 'digest');

      const pageOne = await getForum(deps.db, deps, me(), forum.id, {
        page: 1,
        perPage: THREADS_PER_WEB_PAGE,
      });
      expect(pageOne).toMatchObject({ page: 1, pageCount: 3, threadCount: total, subscription: 'digest' });
      const expected = ['T1', 'T2', ...Array.from({ length: total - 2 }, (_, i) => `T${total - i}`)];
      expect(pageOne.threads.map((t) => t.subject)).toEqual(expected.slice(0, THREADS_PER_WEB_PAGE));
      expect(pageOne.threads.map((t) => t.unread)).toEqual(
        expected.slice(0, THREADS_PER_WEB_PAGE).map((s) => (s === `T${total}` ? 0 : s === 'T2' ? 2 : 1)),
      );
      const last = await getForum(deps.db, deps, me(), forum.id, { page: 99, perPage: THREADS_PER_WEB_PAGE });
      expect(last.page).toBe(3);
      expect(last.threads.map((t) => t.subject)).toEqual(expected.slice(2 * THREADS_PER_WEB_PAGE));
      expect((await getForum(deps.db, deps, me(), forum.id, { page: Number.NaN, perPage: 5 })).page).toBe(1);

      // Without a page: every thread (more than one statement's batch), with the same counts.
      const all = await getForum(deps.db, deps, me(), forum.id);
      expect(all.threads.map((t) => t.subject)).toEqual(expected);
      expect(all.threads.slice(0, THREADS_PER_WEB_PAGE)).toEqual(pageOne.threads);
      expect(all).toMatchObject({ page: 1, pageCount: 1, subscription: 'digest' });
      const big = await getForum(deps.db, deps, me(), forum.id, { perPage: total });
      expect(big.threads).toEqual(all.threads);
    });

    it('counts nothing of others under "post first" until the reader has posted in the thread', async () => {
      const forum = await buildDiscussion(deps, world, { postingRule: 'post-first' });
      const other = await buildPerson(deps, { fullName: 'Ana Silva' });
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: other.email,
        fundingKind: 'self',
      });
      const { threadId } = await postInForum(deps.db, deps, staff(), {
        forumId: forum.id,
        subject: 'Reflection',
        body: 'Your view?',
      });
      deps.clock.advance(60_000);
      await postInForum(deps.db, deps, actorOf(other), { threadId, body: 'Mine' });
      expect(await lines(me(), forum.id)).toEqual([['Reflection', 0, 0]]);
      deps.clock.advance(60_000);
      await postInForum(deps.db, deps, me(), { threadId, body: 'My own view' });
      // Their first post moves no read mark: the two posts it reveals count as new to them.
      expect(await lines(me(), forum.id)).toEqual([['Reflection', 3, 2]]);
      expect(await lines(staff(), forum.id)).toEqual([['Reflection', 3, 2]]);
    });

    // The forum page's lines are kept on the kept index (`views/forum-parts.tsx`): byte for byte a new rendering.
    it('keeps its lines as a new rendering gives them, and shows every change on the next view', async () => {
      const staffActor = staff();
      const reader = me();
      const forum = await buildDiscussion(deps, world);
      const { threadId } = await postInForum(deps.db, deps, staffActor, {
        forumId: forum.id,
        subject: 'Quotas',
        body: 'Opening',
      });
      await postInForum(deps.db, deps, staffActor, { forumId: forum.id, subject: 'Visas', body: 'Opening' });
      const html = async (actor: Actor, locale: 'en' | 'fr', kept: boolean) => {
        const page = await getForum(deps.db, deps, actor, forum.id, { perPage: THREADS_PER_WEB_PAGE });
        const source = kept ? page.threadsSource : undefined;
        return renderToString(
          h(ThreadList, { t: translator(locale), threads: page.threads, timeZone: page.timeZone, source }),
        );
      };
      for (const actor of [reader, staffActor])
        for (const locale of ['en', 'fr'] as const) {
          const expected = await html(actor, locale, false);
          expect(await html(actor, locale, true)).toBe(expected);
          expect(await html(actor, locale, true)).toBe(expected);
        }
      expect(await html(reader, 'en', true)).toContain(`/threads/${threadId}#new`);

      // Read: no longer new. A reply: new again, one more post. Hidden: gone from the participant's count.
      await getThread(deps.db, deps, reader, threadId);
      expect(await html(reader, 'en', true)).not.toContain(`/threads/${threadId}#new`);
      deps.clock.advance(60_000);
      const reply = await postInForum(deps.db, deps, staffActor, { threadId, body: 'Answer' });
      const withReply = await html(reader, 'en', true);
      expect(withReply).toContain(`/threads/${threadId}#new`);
      expect(withReply).toBe(await html(reader, 'en', false));
      await hidePost(deps.db, deps, staffActor, reply.postId, { note: 'Off topic' });
      const hidden = await html(reader, 'en', true);
      expect(hidden).not.toContain(`/threads/${threadId}#new`);
      expect(hidden).toBe(await html(reader, 'en', false));
      expect(await html(staffActor, 'en', true)).toBe(await html(staffActor, 'en', false));
    });
  });
}
