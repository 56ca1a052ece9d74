import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/helpers/factories.js';
import { buildDiscussion } from '../../../test/helpers/forum-factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import {
  browserFor,
  type Client,
  countRows,
  errorCode,
  fieldError,
  signedIn,
  tokenOf,
} from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { systemActor } from '../../kernel/actor.js';
import { listNotifications } from '../notifications/list-notifications.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { createForum } from './create-forum.js';
import { mentionHandle, POSTS_PER_WEB_PAGE, THREADS_PER_WEB_PAGE } from './forum.js';
import { hidePost } from './moderate-post.js';
import { postInForum } from './post-in-forum.js';
import { reportPost } from './report-post.js';

const browserOf = browserFor;

describe('forum pages and API', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: SpaceWorld;
  let participant: Client;
  let forumId: string;
  let threadId: string;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    world = await buildSpaceWorld(deps);
    participant = await browserOf(app, world.participant);
    const forum = await buildDiscussion(deps, world);
    forumId = forum.id;
    const staff = actorOf(world.facilitator);
    ({ threadId } = await postInForum(deps.db, deps, staff, { forumId, subject: 'Quotas', body: 'Opening' }));
    const hidden = await postInForum(deps.db, deps, staff, { threadId, body: 'Confidentialword here' });
    await hidePost(deps.db, deps, staff, hidden.postId, { note: 'Personal data' });
  }, 60_000);
  afterAll(() => close());

  it('never shows a hidden post to a participant, in the page or the API; staff see it with its note', async () => {
    const page = await participant.get(`/threads/${threadId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Opening');
    expect(page.body).not.toContain('Confidentialword');
    const token = await tokenOf(deps, world.participant);
    const api = await app.inject({
      method: 'GET',
      url: `/api/v1/threads/${threadId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.statusCode).toBe(200);
    expect(api.body).not.toContain('Confidentialword');
    expect(api.json().items).toHaveLength(1);
    const staff = await browserOf(app, world.facilitator);
    const staffPage = await staff.get(`/threads/${threadId}`);
    expect(staffPage.body).toContain('Confidentialword');
    expect(staffPage.body).toContain('Personal data');
    const search = await participant.get(`/editions/${world.edition.id}/forums/search?q=confidentialword`);
    expect(search.body).not.toContain('Confidentialword');
  });

  it('hides a thread whose first post is hidden (subject, author) from participants: list, page, API, search, reply', async () => {
    const staff = actorOf(world.facilitator);
    const opened = await postInForum(deps.db, deps, actorOf(world.participant), {
      forumId,
      subject: 'Leakysubject of a reported post',
      body: 'Openingword with personal data',
    });
    await postInForum(deps.db, deps, staff, { threadId: opened.threadId, body: 'Replyword from staff' });
    const token = await tokenOf(deps, world.participant);
    const headers = { authorization: `Bearer ${token}` };
    const threadsApi = () => app.inject({ method: 'GET', url: `/api/v1/forums/${forumId}/threads`, headers });
    // Before the hide: listed and readable (the assertions below can fail for the right reason).
    expect((await participant.get(`/forums/${forumId}`)).body).toContain('Leakysubject');
    expect((await threadsApi()).body).toContain('Leakysubject');
    await hidePost(deps.db, deps, staff, opened.postId, { note: 'Names a worker' });
    const omar = await buildPerson(deps, { fullName: 'Omar Other' });
    await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
      email: omar.email,
      fundingKind: 'self',
    });
    const other = await browserOf(app, omar);
    for (const reader of [participant, other]) {
      expect((await reader.get(`/forums/${forumId}`)).body).not.toContain('Leakysubject');
      expect((await reader.get(`/threads/${opened.threadId}`)).statusCode).toBe(404);
      const search = await reader.get(`/editions/${world.edition.id}/forums/search?q=replyword`);
      expect(search.body).not.toContain('Leakysubject');
    }
    expect((await threadsApi()).body).not.toContain('Leakysubject');
    const api = await app.inject({ method: 'GET', url: `/api/v1/threads/${opened.threadId}`, headers });
    expect(api.statusCode).toBe(404);
    const reply = await app.inject({
      method: 'POST',
      url: `/api/v1/threads/${opened.threadId}/posts`,
      headers,
      payload: { body: 'Still here?' },
    });
    expect(reply.statusCode).toBe(404);
    const facilitator = await browserOf(app, world.facilitator);
    expect((await facilitator.get(`/forums/${forumId}`)).body).toContain('Leakysubject');
    expect((await facilitator.get(`/threads/${opened.threadId}`)).statusCode).toBe(200);
  });

  it('shows the facilitators the open reports of a forum (reason, link to the post), never the participants', async () => {
    const staff = actorOf(world.facilitator);
    const opened = await postInForum(deps.db, deps, staff, {
      forumId,
      subject: 'Reported',
      body: 'Fine text',
    });
    const bad = await postInForum(deps.db, deps, staff, { threadId: opened.threadId, body: 'Rude words' });
    const facilitator = await browserOf(app, world.facilitator);
    expect((await facilitator.get(`/forums/${forumId}`)).body).not.toContain('Names a colleague');
    await reportPost(deps.db, deps, actorOf(world.participant), bad.postId, { reason: 'Names a colleague' });
    const page = (await facilitator.get(`/forums/${forumId}`)).body;
    expect(page).toContain('1 reported post to look at');
    expect(page).toContain('Names a colleague');
    expect(page).toContain(`href="/posts/${bad.postId}"`);
    expect((await participant.get(`/forums/${forumId}`)).body).not.toContain('Names a colleague');
    // Hiding the post settles its report: the list is empty again.
    await hidePost(deps.db, deps, staff, bad.postId, { note: 'Rude' });
    expect((await facilitator.get(`/forums/${forumId}`)).body).not.toContain('Names a colleague');
  });

  it('renders script in subjects and posts as text, and refuses CR/LF in subjects with a translated error', async () => {
    const before = await countRows(deps, 'forum_posts');
    const refused = await participant.send(`/forums/${forumId}/threads`, {
      subject: 'Hi\r\nBcc: all',
      body: 'x',
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldError(refused.body, 'subject')).toBe(translator('en').t('forums.error.oneLine'));
    const empty = await participant.send(`/threads/${threadId}/posts`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(fieldError(empty.body, 'body')).toBe(translator('en').t('forums.error.required'));
    expect(await countRows(deps, 'forum_posts')).toBe(before);
    const created = await participant.send(`/forums/${forumId}/threads`, {
      subject: '<script>alert("s")</script>',
      body: '<script>alert("b")</script><img src=x onerror=alert(1)> [x](javascript:alert(2))',
    });
    expect(created.statusCode).toBe(303);
    const page = await participant.get(created.headers.location as string);
    expect(page.body).not.toMatch(/<script>alert|<img src=x|href="javascript:/);
    expect(page.body).toContain('&lt;script&gt;');
  });

  it('answers the API with translated errors for empty and huge posts', async () => {
    const token = await tokenOf(deps, world.participant);
    const headers = { authorization: `Bearer ${token}` };
    const empty = await app.inject({
      method: 'POST',
      url: `/api/v1/threads/${threadId}/posts`,
      headers,
      payload: { body: '' },
    });
    expect([empty.statusCode, errorCode(empty)]).toEqual([400, 'validation_failed']);
    const huge = await app.inject({
      method: 'POST',
      url: `/api/v1/threads/${threadId}/posts`,
      headers,
      payload: { body: 'x'.repeat(1_048_576) },
    });
    expect([400, 413]).toContain(huge.statusCode);
    const ok = await app.inject({
      method: 'POST',
      url: `/api/v1/threads/${threadId}/posts`,
      headers,
      payload: { body: 'Fine' },
    });
    expect(ok.statusCode).toBe(201);
    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/editions/${world.edition.id}/forums`,
      headers,
    });
    expect(list.json()).toEqual({ items: [expect.objectContaining({ id: forumId, postingRule: 'open' })] });
  });

  it('closes the forum of a discussion locked in the space (pages, API, search) to participants, not to staff', async () => {
    const staff = actorOf(world.facilitator);
    const later = new Date(deps.clock.now().getTime() + 7 * 86_400_000).toISOString();
    const section = await saveSection(deps.db, deps, staff, world.edition.id, null, {
      title: { en: 'Later' },
    });
    const item = await saveItem(deps.db, deps, staff, world.edition.id, null, {
      sectionId: section.id,
      kind: 'discussion',
      title: { en: 'Week 2' },
      settings: {},
      availableFrom: later,
      completionRule: 'viewed',
    });
    const forum = await createForum(deps.db, deps, {
      editionId: world.edition.id,
      scope: { kind: 'space', id: item.id },
      title: 'Week 2',
    });
    // A facilitator's @mention of a participant in the locked discussion tells them nothing (no notice
    // naming the thread), until the item opens.
    const handle = `@${mentionHandle(world.participant.email.split('@')[0] ?? '')}`;
    const locked = await postInForum(deps.db, deps, staff, {
      forumId: forum.id,
      subject: 'Week two',
      body: `Lockedtopicword ${handle}`,
    });
    const mentions = async () =>
      (await listNotifications(deps.db, deps, actorOf(world.participant), { page: 1 })).items.filter(
        (n) => n.kind === 'forums.mention',
      ).length;
    expect(await mentions()).toBe(0);
    expect((await participant.get(`/forums/${forum.id}`)).statusCode).toBe(404);
    expect((await participant.get(`/threads/${locked.threadId}`)).statusCode).toBe(404);
    const token = await tokenOf(deps, world.participant);
    const headers = { authorization: `Bearer ${token}` };
    const api = await app.inject({ method: 'GET', url: `/api/v1/threads/${locked.threadId}`, headers });
    expect(api.statusCode).toBe(404);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/threads/${locked.threadId}/posts`,
      headers,
      payload: { body: 'Early' },
    });
    expect(refused.statusCode).toBe(404);
    const forums = await app.inject({
      method: 'GET',
      url: `/api/v1/editions/${world.edition.id}/forums`,
      headers,
    });
    expect(forums.json().items.map((f: { id: string }) => f.id)).not.toContain(forum.id);
    const search = await participant.get(`/editions/${world.edition.id}/forums/search?q=lockedtopicword`);
    expect(search.body).not.toContain('Week two');
    const facilitator = await browserOf(app, world.facilitator);
    expect((await facilitator.get(`/threads/${locked.threadId}`)).statusCode).toBe(200);
    const before = deps.clock.now().toISOString();
    deps.clock.set(new Date(Date.parse(later) + 60_000).toISOString());
    try {
      await postInForum(deps.db, deps, staff, { threadId: locked.threadId, body: `Open now ${handle}` });
      expect(await mentions()).toBe(1);
    } finally {
      deps.clock.set(before);
    }
  });

  it('pages a long thread with accessible previous/next links', async () => {
    const staff = actorOf(world.facilitator);
    const long = await postInForum(deps.db, deps, staff, { forumId, subject: 'Long', body: 'Post 0' });
    for (let i = 1; i <= POSTS_PER_WEB_PAGE; i += 1)
      await postInForum(deps.db, deps, staff, { threadId: long.threadId, body: `Post ${i}` });
    const first = await participant.get(`/threads/${long.threadId}`);
    expect(first.body).toContain('<nav class="pagination"');
    // Relative to the thread's address (the page is shown there).
    expect(first.body).toContain('href="?page=2"');
    const second = await participant.get(`/threads/${long.threadId}?page=2`);
    expect(second.body).toContain(`Post ${POSTS_PER_WEB_PAGE}`);
    expect(second.body).toContain('href="?page=1"');
    // A reply goes to the last page, where it is.
    const replied = await participant.send(`/threads/${long.threadId}/posts`, { body: 'Latest word' });
    expect(replied.headers.location).toMatch(new RegExp(`^/threads/${long.threadId}\\?page=last#post-`));
    expect((await participant.get(replied.headers.location as string)).body).toContain('Latest word');
  });

  it('pages a thread: page 2 holds posts 51–100, a reader lands on what is new to them, links reach posts on other pages', async () => {
    const staff = actorOf(world.facilitator);
    const per = POSTS_PER_WEB_PAGE;
    const forum = await buildDiscussion(deps, world, { title: 'Paged' });
    const ids: string[] = [];
    const add = async (n: number, replyTo: string | null = null) => {
      const body = `Post ${n}`;
      const posted = ids.length
        ? await postInForum(deps.db, deps, staff, { threadId: long, body, replyTo })
        : await postInForum(deps.db, deps, staff, { forumId: forum.id, subject: 'Paged', body });
      ids.push(posted.postId);
      return posted.threadId;
    };
    let long = '';
    long = await add(1);
    for (let n = 2; n <= per + 10; n += 1) await add(n);
    const reader = await browserOf(app, world.participant);
    const thread = (query = '') => reader.get(`/threads/${long}${query}`);
    // Never opened: the first page, with the pages by number.
    const first = await thread();
    expect(first.body).toContain('<p>Post 1</p>');
    expect(first.body).not.toContain(`<p>Post ${per + 1}</p>`);
    expect(first.body).toContain('href="?page=2"');
    expect(first.body).toContain('aria-current="page"');
    expect(first.body).toContain(`<span id="new"></span><article id="post-${ids[0]}"`);
    // Read up to post 60; then 50 more arrive (110 in all, three pages).
    await thread('?page=2');
    deps.clock.advance(1_000);
    for (let n = per + 11; n <= 2 * per + 10; n += 1) await add(n, n === 2 * per + 10 ? ids[0] : null);
    // The index sends the reader to what is new (`#new`), and the thread opens on its page, not the last.
    const index = await reader.get(`/forums/${forum.id}`);
    expect(index.body).toContain(`href="/threads/${long}#new"`);
    const landed = await thread();
    expect(landed.body).toContain(`Page 2 of 3`);
    expect(landed.body).toContain(`<span id="new"></span><article id="post-${ids[per + 10]}"`);
    // Page 2 holds posts 51–100.
    const second = await thread('?page=2');
    expect(second.body).toContain(`<p>Post ${per + 1}</p>`);
    expect(second.body).toContain(`<p>Post ${2 * per}</p>`);
    expect(second.body).not.toContain(`<p>Post ${per}</p>`);
    expect(second.body).not.toContain(`<p>Post ${2 * per + 1}</p>`);
    // Everything read: the reader lands on the newest posts; a page past the end shows the last one.
    expect((await thread()).body).toContain('Page 3 of 3');
    expect((await thread('?page=99')).body).toContain(`<p>Post ${2 * per + 10}</p>`);
    // A reply to a post on another page links to that post's address, which leads to its page.
    const last = (await thread('?page=last')).body;
    expect(last).toContain(`href="/posts/${ids[0]}"`);
    const located = await reader.get(`/posts/${ids[0]}`);
    expect([located.statusCode, located.headers.location]).toEqual([
      303,
      `/threads/${long}?page=1#post-${ids[0]}`,
    ]);
    const later = await reader.get(`/posts/${ids[2 * per + 9]}`);
    expect(later.headers.location).toBe(`/threads/${long}?page=3#post-${ids[2 * per + 9]}`);
    expect((await reader.get(`/posts/${world.edition.id}`)).statusCode).toBe(404);
  });

  it('refuses a page that is not a number, in the reader’s language', async () => {
    for (const bad of ['abc', '0', '-1', '1.5', '100000']) {
      const refused = await participant.get(`/threads/${threadId}?page=${encodeURIComponent(bad)}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(translator('en').t('forums.error.page', { max: 10_000 }));
    }
    const { browser: french } = await signedIn(app, deps, ['participant'], { locale: 'fr' });
    const refused = await french.get(`/forums/${forumId}?page=deux`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(translator('fr').t('forums.error.page', { max: 10_000 }));
  });

  it('pages the threads of a forum, newest activity first; a new thread shows at once on the kept index', async () => {
    const staff = actorOf(world.facilitator);
    const forum = await buildDiscussion(deps, world, { title: 'Many threads' });
    for (let i = 1; i <= THREADS_PER_WEB_PAGE + 1; i += 1) {
      deps.clock.advance(1_000);
      await postInForum(deps.db, deps, staff, { forumId: forum.id, subject: `Topic ${i}`, body: 'x' });
    }
    const first = await participant.get(`/forums/${forum.id}`);
    expect(first.body).toContain(`href="/forums/${forum.id}?page=2"`);
    expect(first.body).toContain(`Topic ${THREADS_PER_WEB_PAGE}`);
    expect(first.body).not.toContain('>Topic 1<');
    expect((await participant.get(`/forums/${forum.id}?page=2`)).body).toContain('>Topic 1<');
    // A new thread goes first, at once (the index is kept between the two views).
    deps.clock.advance(1_000);
    await participant.send(`/forums/${forum.id}/threads`, { subject: 'Fresh question', body: 'Hello' });
    const again = await participant.get(`/forums/${forum.id}`);
    expect(again.body.indexOf('Fresh question')).toBeGreaterThan(-1);
    expect(again.body.indexOf('Fresh question')).toBeLessThan(
      again.body.indexOf(`Topic ${THREADS_PER_WEB_PAGE}<`),
    );
    expect((await participant.get(`/forums/${forum.id}?page=2`)).body).toContain(`>Topic 2<`);
  });
});
