import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { buildDiscussion } from '../../../test/helpers/forum-factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { refusal } from '../../../test/helpers/refusal.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { systemActor } from '../../kernel/actor.js';
import { setTimeZone } from '../identity/account/update-account.js';
import { listNotifications } from '../notifications/list-notifications.js';
import { notificationText } from '../notifications/notification.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { sendDigests } from './digests/send-digests.js';
import { editPost } from './edit-post.js';
import { BODY_MAX, POSTS_PER_MINUTE } from './forum.js';
import { createForum, forumForScope, postInForum, setForumMembers } from './forums.port.js';
import { hidePost, restorePost } from './moderate-post.js';
import { participationInEdition } from './participation.js';
import { getForum, getThread, listEditionForums } from './read-forums.js';
import { reportPost } from './report-post.js';
import { searchEditionPosts } from './search/search-posts.js';
import { subscribe } from './subscribe.js';
import { setThreadFlags } from './threads/set-thread-flags.js';

for (const dialect of DIALECTS) {
  describe(`${dialect}: forums`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => {
      await deps.close();
    });

    async function secondParticipant(fullName = 'Ana Silva') {
      const person = await buildPerson(deps, { fullName });
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: person.email,
        fundingKind: 'self',
      });
      return person;
    }

    it('starts threads, replies with quotes, tracks what is new and lists threads pinned first', async () => {
      const forum = await buildDiscussion(deps, world);
      const staff = actorOf(world.facilitator);
      const me = actorOf(world.participant);
      const first = await postInForum(deps.db, deps, staff, {
        forumId: forum.id,
        subject: 'Welcome',
        body: 'Hello',
      });
      deps.clock.advance(60_000);
      const second = await postInForum(deps.db, deps, me, {
        forumId: forum.id,
        subject: 'Remittances',
        body: 'Costs?',
      });
      expect((await getForum(deps.db, deps, me, forum.id)).threads.map((t) => [t.subject, t.unread])).toEqual(
        [
          ['Remittances', 0],
          ['Welcome', 1],
        ],
      );
      await setThreadFlags(deps.db, deps, staff, first.threadId, { pinned: true });
      deps.clock.advance(60_000);
      await postInForum(deps.db, deps, staff, {
        threadId: second.threadId,
        body: '> Costs?\n\nAbout 6 %',
        replyTo: second.postId,
      });
      const list = (await getForum(deps.db, deps, me, forum.id)).threads;
      expect(list.map((t) => [t.subject, t.pinned, t.unread, t.posts])).toEqual([
        ['Welcome', true, 1, 1],
        ['Remittances', false, 1, 2],
      ]);
      const thread = await getThread(deps.db, deps, me, second.threadId);
      expect(thread.posts.map((p) => [p.isNew, p.replyTo !== null])).toEqual([
        [false, false],
        [true, true],
      ]);
      expect((await getForum(deps.db, deps, me, forum.id)).threads[1]?.unread).toBe(0);
      expect(await listEditionForums(deps.db, me, world.edition.id)).toHaveLength(1);
      expect(await refusal(getForum(deps.db, deps, actorOf(world.outsider), forum.id))).toBe('not_found');
      expect(await refusal(getForum(deps.db, deps, { kind: 'anonymous' }, forum.id))).toBe('unauthenticated');
    });

    it('refuses bad input with translated field errors and stores nothing', async () => {
      const forum = await buildDiscussion(deps, world);
      const me = actorOf(world.participant);
      expect(
        await refusal(postInForum(deps.db, deps, me, { forumId: forum.id, subject: 'A', body: '   ' })),
      ).toBe('body:forums.error.required');
      expect(
        await refusal(
          postInForum(deps.db, deps, me, { forumId: forum.id, subject: 'A', body: 'x'.repeat(1_048_576) }),
        ),
      ).toBe('body:forums.error.tooLong');
      expect(
        await refusal(
          postInForum(deps.db, deps, me, { forumId: forum.id, subject: 'Bcc: x\r\nTo: y', body: 'Hi' }),
        ),
      ).toBe('subject:forums.error.oneLine');
      expect(
        await refusal(postInForum(deps.db, deps, me, { forumId: forum.id, subject: '', body: 'Hi' })),
      ).toBe('subject:forums.error.required');
      expect((await getForum(deps.db, deps, me, forum.id)).threads).toEqual([]);
      const ok = await postInForum(deps.db, deps, me, {
        forumId: forum.id,
        subject: '<script>alert(1)</script>',
        body: '<script>alert(1)</script> **bold**',
      });
      const thread = await getThread(deps.db, deps, me, ok.threadId);
      expect(thread.thread.subject).toBe('<script>alert(1)</script>');
      expect(BODY_MAX).toBeLessThan(1_048_576);
    });

    it('limits floods per person and minute with a translated error; staff are not limited', async () => {
      const forum = await buildDiscussion(deps, world);
      const me = actorOf(world.participant);
      const { threadId } = await postInForum(deps.db, deps, me, {
        forumId: forum.id,
        subject: 'Flood',
        body: '1',
      });
      for (let i = 1; i < POSTS_PER_MINUTE; i++)
        await postInForum(deps.db, deps, me, { threadId, body: `${i}` });
      expect(await refusal(postInForum(deps.db, deps, me, { threadId, body: 'again' }))).toBe(
        'body:forums.error.flood',
      );
      deps.clock.advance(61_000);
      await postInForum(deps.db, deps, me, { threadId, body: 'later' });
    });

    it('keeps the edit history for facilitators and locks threads', async () => {
      const forum = await buildDiscussion(deps, world);
      const me = actorOf(world.participant);
      const staff = actorOf(world.facilitator);
      const { threadId, postId } = await postInForum(deps.db, deps, me, {
        forumId: forum.id,
        subject: 'S',
        body: 'First text',
      });
      await editPost(deps.db, deps, me, postId, { body: 'Second text' });
      expect((await getThread(deps.db, deps, me, threadId)).posts[0]?.history).toEqual([]);
      expect((await getThread(deps.db, deps, staff, threadId)).posts[0]?.history.map((h) => h.body)).toEqual([
        'First text',
      ]);
      await setThreadFlags(deps.db, deps, staff, threadId, { locked: true });
      expect(await refusal(postInForum(deps.db, deps, me, { threadId, body: 'more' }))).toBe(
        'body:forums.error.locked',
      );
      expect(await refusal(setThreadFlags(deps.db, deps, me, threadId, { locked: false }))).toBe('forbidden');
      const other = await secondParticipant();
      expect(await refusal(editPost(deps.db, deps, actorOf(other), postId, { body: 'x' }))).toBe('forbidden');
    });

    it('post before you can read others: others’ posts appear once one has posted', async () => {
      const forum = await buildDiscussion(deps, world, { postingRule: 'post-first' });
      const other = actorOf(await secondParticipant());
      const me = actorOf(world.participant);
      const { threadId } = await postInForum(deps.db, deps, other, {
        forumId: forum.id,
        subject: 'Reflection',
        body: 'Mine',
      });
      const before = await getThread(deps.db, deps, me, threadId);
      expect([before.posts.length, before.withheld]).toEqual([0, 1]);
      expect((await searchEditionPosts(deps.db, deps, me, world.edition.id, 'mine')).hits).toEqual([]);
      await postInForum(deps.db, deps, me, { threadId, body: 'Also mine' });
      expect((await getThread(deps.db, deps, me, threadId)).posts).toHaveLength(2);
    });

    it('hidden posts reach staff only: pages, search, notifications, digests; reports resolved', async () => {
      const forum = await buildDiscussion(deps, world);
      const ana = await secondParticipant('Ana Silva');
      const me = actorOf(world.participant);
      const staff = actorOf(world.facilitator);
      await subscribe(deps.db, deps, actorOf(ana), { kind: 'forum', id: forum.id }, 'digest');
      const { threadId } = await postInForum(deps.db, deps, staff, {
        forumId: forum.id,
        subject: 'Quotas',
        body: 'Opening',
      });
      const bad = await postInForum(deps.db, deps, me, { threadId, body: 'Secretword and @AnaSilva' });
      await reportPost(deps.db, deps, actorOf(ana), bad.postId, { reason: 'Personal data' });
      expect(await refusal(hidePost(deps.db, deps, me, bad.postId, { note: 'x' }))).toBe('forbidden');
      expect(await refusal(hidePost(deps.db, deps, staff, bad.postId, { note: '' }))).toBe(
        'note:forums.error.required',
      );
      await hidePost(deps.db, deps, staff, bad.postId, { note: 'Personal data' });
      // Pages (and the API, which presents the same view).
      const anaView = await getThread(deps.db, deps, actorOf(ana), threadId);
      expect(anaView.posts.map((p) => p.body)).toEqual(['Opening']);
      const staffView = await getThread(deps.db, deps, staff, threadId);
      expect(staffView.posts.find((p) => p.id === bad.postId)?.hiddenNote).toBe('Personal data');
      expect((await getForum(deps.db, deps, actorOf(ana), forum.id)).threads[0]?.posts).toBe(1);
      // Search.
      expect(
        (await searchEditionPosts(deps.db, deps, actorOf(ana), world.edition.id, 'secretword')).hits,
      ).toEqual([]);
      expect(
        (await searchEditionPosts(deps.db, deps, staff, world.edition.id, 'secretword')).hits,
      ).toHaveLength(1);
      // Notifications: the mention names nothing of the hidden post.
      const notes = await listNotifications(deps.db, deps, actorOf(ana), { page: 1 });
      const texts = notes.items.map((n) => notificationText(translator('en'), n.notice));
      expect(texts.join(' ')).not.toMatch(/Quotas|Secretword/);
      // Digest: only the visible post counts.
      deps.clock.set('2026-11-29T09:00:00.000Z');
      expect((await sendDigests(deps.db, deps, deps.clock.now())).sent).toBe(1);
      const digest = (await listNotifications(deps.db, deps, actorOf(ana), { page: 1 })).items.find(
        (n) => n.kind === 'forums.digest',
      );
      expect(digest).toBeDefined();
      expect((digest!.notice.event as unknown as { posts: number }).posts).toBe(1);
      // A hidden post is not found by a participant, nor may it be quoted.
      expect(await refusal(reportPost(deps.db, deps, actorOf(ana), bad.postId, { reason: 'x' }))).toBe(
        'not_found',
      );
      expect(
        await refusal(postInForum(deps.db, deps, actorOf(ana), { threadId, body: 'q', replyTo: bad.postId })),
      ).toBe('replyTo:forums.error.replyTo');
      await restorePost(deps.db, deps, staff, bad.postId);
      expect((await getThread(deps.db, deps, actorOf(ana), threadId)).posts).toHaveLength(2);
    });

    it('sends one digest per person and local day, in their time zone, whatever the number of runs', async () => {
      const forum = await buildDiscussion(deps, world);
      const ana = await secondParticipant();
      await setTimeZone(deps.db, deps, actorOf(ana), 'America/Lima');
      await subscribe(deps.db, deps, actorOf(ana), { kind: 'forum', id: forum.id }, 'digest');
      await postInForum(deps.db, deps, actorOf(world.participant), {
        forumId: forum.id,
        subject: 'Skills',
        body: 'Text',
      });
      // 10:00 UTC is 05:00 in Lima: not yet.
      expect((await sendDigests(deps.db, deps, deps.clock.now())).sent).toBe(0);
      deps.clock.set('2026-11-28T13:00:00.000Z');
      const runs = await Promise.all([1, 2, 3].map(() => sendDigests(deps.db, deps, deps.clock.now())));
      expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
      deps.clock.set('2026-11-28T20:00:00.000Z');
      expect((await sendDigests(deps.db, deps, deps.clock.now())).sent).toBe(0);
    });

    it('notifies immediate subscribers and mentioned people who may read, never the author', async () => {
      const forum = await buildDiscussion(deps, world);
      const ana = await secondParticipant('Ana Silva');
      await subscribe(
        deps.db,
        deps,
        actorOf(world.facilitator),
        { kind: 'forum', id: forum.id },
        'immediate',
      );
      await postInForum(deps.db, deps, actorOf(world.participant), {
        forumId: forum.id,
        subject: 'Hi',
        body: 'Ping @AnaSilva and @nobody',
      });
      const kinds = async (person: Parameters<typeof actorOf>[0]) =>
        (await listNotifications(deps.db, deps, actorOf(person), { page: 1 })).items
          .map((n) => n.kind)
          .filter((k) => k.startsWith('forums.'));
      expect(await kinds(ana)).toEqual(['forums.mention']);
      expect(await kinds(world.facilitator)).toEqual(['forums.new-post']);
      expect(await kinds(world.participant)).toEqual([]);
    });

    it('gives other modules members-only forums with personas (staff see who)', async () => {
      const ana = await secondParticipant();
      const forum = await createForum(deps.db, deps, {
        editionId: world.edition.id,
        scope: { kind: 'roleplay', id: 'rp-1' },
        title: 'Negotiation',
      });
      await setForumMembers(deps.db, forum.id, [ana.id]);
      expect((await forumForScope(deps.db, { kind: 'roleplay', id: 'rp-1' }))?.id).toBe(forum.id);
      const { threadId } = await postInForum(deps.db, deps, actorOf(ana), {
        forumId: forum.id,
        subject: 'Opening position',
        body: 'We ask for portability.',
        persona: 'Workers’ organisation',
      });
      expect(await refusal(getThread(deps.db, deps, actorOf(world.participant), threadId))).toBe('not_found');
      expect(await listEditionForums(deps.db, actorOf(world.participant), world.edition.id)).toEqual([]);
      const staff = (await getThread(deps.db, deps, actorOf(world.facilitator), threadId)).posts[0];
      expect([staff?.author, staff?.realName]).toEqual(['Workers’ organisation', 'Ana Silva']);
      await setForumMembers(deps.db, forum.id, [ana.id, world.participant.id]);
      const peer = (await getThread(deps.db, deps, actorOf(world.participant), threadId)).posts[0];
      expect([peer?.author, peer?.realName, peer?.authorId]).toEqual(['Workers’ organisation', null, null]);
    });

    it('counts participation per person (hidden posts left out)', async () => {
      const forum = await buildDiscussion(deps, world);
      const me = actorOf(world.participant);
      const { threadId } = await postInForum(deps.db, deps, me, {
        forumId: forum.id,
        subject: 'S',
        body: 'a',
      });
      await postInForum(deps.db, deps, me, { threadId, body: 'b' });
      const hidden = await postInForum(deps.db, deps, me, { threadId, body: 'c' });
      await hidePost(deps.db, deps, actorOf(world.facilitator), hidden.postId, { note: 'n' });
      expect((await participationInEdition(deps.db, world.edition.id)).get(world.participant.id)).toEqual({
        threads: 1,
        replies: 1,
        posts: 2,
        rounds: 0,
      });
    });
  });
}
