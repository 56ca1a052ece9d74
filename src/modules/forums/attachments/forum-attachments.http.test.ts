import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PDF } from '../../../../test/helpers/application-factories.js';
import { buildDiscussion, buildForumBed, type ForumBed } from '../../../../test/helpers/forum-factories.js';
import {
  browserFor,
  type Client,
  countRows,
  errorCode,
  fieldError,
  tokenOf,
} from '../../../../test/helpers/http-extra.js';
import { multipartBody, sendMultipart } from '../../../../test/helpers/import-helpers.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { translator } from '../../../i18n/i18n.js';
import { newId } from '../../../kernel/ids.js';
import { createForum, setForumMembers } from '../create-forum.js';
import { hidePost } from '../moderate-post.js';
import { postInForum } from '../post-in-forum.js';
import { attachToPost } from './attach-files.js';
import { attachmentName, attachmentTypeOf } from './forum-attachment.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const en = translator('en');

const browserOf = browserFor;

const sendForm = sendMultipart;

describe('attachmentTypeOf and attachmentName (pure)', () => {
  it('recognises files by content, never by name, and keeps a name ending with the real type', () => {
    expect(attachmentTypeOf(TINY_PDF)).toBe('pdf');
    expect(attachmentTypeOf(PNG)).toBe('png');
    expect(attachmentTypeOf(Buffer.from('<script>alert(1)</script>'))).toBeNull();
    expect(attachmentTypeOf(Buffer.from('MZ\u0090\u0000'))).toBeNull();
    expect(attachmentName('report.exe', 'pdf')).toBe('report.exe.pdf');
    expect(attachmentName('../../etc/passwd', 'png')).toBe('passwd.png');
    expect(attachmentName('photo.JPEG', 'jpg')).toBe('photo.JPEG');
    expect(attachmentName('a\r\nb.pdf', 'pdf')).toBe('a__b.pdf');
    expect(attachmentName(undefined, 'pdf')).toBe('file.pdf');
  });
});

describe('forum attachments (pages, API, storage)', () => {
  const bed = {} as ForumBed;
  beforeAll(async () => {
    Object.assign(
      bed,
      await buildForumBed({ subject: 'Bilateral agreements', body: 'Share the agreements you know.' }),
    );
  }, 60_000);
  afterAll(() => bed.close());

  it('shows the limits before upload, attaches a PDF to a new thread and serves it as a download', async () => {
    const { app, world, participant, forumId } = bed;
    const forumPage = await participant.get(`/forums/${forumId}`);
    expect(forumPage.body).toContain('enctype="multipart/form-data"');
    expect(forumPage.body).toContain(en.t('forums.field.fileHint', { max: 10, count: 5 }));
    const created = await sendForm(
      participant,
      `/forums/${forumId}/threads`,
      { subject: 'Our MoU', body: 'Attached: the **MoU** text.' },
      { name: 'MoU draft.pdf', content: TINY_PDF, type: 'text/plain' },
    );
    expect(created.statusCode).toBe(303);
    const page = await participant.get(created.headers.location as string);
    expect(page.body).toContain('MoU draft.pdf');
    const href = /href="(\/forum-files\/[^"]+)"/.exec(page.body)?.[1] as string;
    const download = await participant.get(href);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="MoU_draft.pdf"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(TINY_PDF)).toBe(true);
    // Someone outside the edition is told it does not exist.
    const outsider = await browserOf(app, world.outsider);
    expect((await outsider.get(href)).statusCode).toBe(404);
  });

  it('refuses a bad upload with a translated error and stores nothing (no post, no file)', async () => {
    const { deps, participant, threadId } = bed;
    const before = await Promise.all(
      (['forum_posts', 'forum_attachments'] as const).map((t) => countRows(deps, t)),
    );
    const script = await sendForm(
      participant,
      `/threads/${threadId}/posts`,
      { body: 'See my file' },
      { name: 'agreement.pdf', content: '<script>alert(1)</script>', type: 'application/pdf' },
    );
    expect(script.statusCode).toBe(400);
    expect(fieldError(script.body, 'file')).toBe(en.t('forums.error.fileType'));
    expect(script.body).toContain('See my file');
    const large = await sendForm(
      participant,
      `/threads/${threadId}/posts`,
      { body: 'Too big' },
      { name: 'big.pdf', content: Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024 * 1024)]) },
    );
    expect(large.statusCode).toBe(400);
    expect(fieldError(large.body, 'file')).toBe(en.t('forums.error.fileTooLarge', { max: 10 }));
    const empty = await sendForm(
      participant,
      `/threads/${threadId}/posts`,
      { body: '' },
      {
        name: 'x.pdf',
        content: TINY_PDF,
      },
    );
    expect(empty.statusCode).toBe(400);
    expect(fieldError(empty.body, 'body')).toBe(en.t('forums.error.required'));
    const after = await Promise.all(
      (['forum_posts', 'forum_attachments'] as const).map((t) => countRows(deps, t)),
    );
    expect(after).toEqual(before);
    // A reply without a file is still fine, through the same multipart form.
    const plain = await sendForm(participant, `/threads/${threadId}/posts`, { body: 'No file here' }, null);
    expect(plain.statusCode).toBe(303);
  });

  it('keeps the files of a hidden post from participants (page, download, API) and shows them to staff', async () => {
    const { app, deps, world, participant, threadId } = bed;
    const staff = actorOf(world.facilitator);
    const { postId } = await postInForum(deps.db, deps, actorOf(world.participant), {
      threadId,
      body: 'My personal file',
    });
    const file = await attachToPost(deps.db, deps, actorOf(world.participant), postId, {
      fileName: 'passport-scan.png',
      bytes: PNG,
    });
    expect((await participant.get(`/forum-files/${file.id}`)).statusCode).toBe(200);
    await hidePost(deps.db, deps, staff, postId, { note: 'Personal data' });
    expect((await participant.get(`/threads/${threadId}`)).body).not.toContain('passport-scan');
    expect((await participant.get(`/forum-files/${file.id}`)).statusCode).toBe(404);
    const token = await tokenOf(deps, world.participant);
    const headers = { authorization: `Bearer ${token}` };
    const api = await app.inject({ method: 'GET', url: `/api/v1/threads/${threadId}`, headers });
    expect(api.body).not.toContain('passport-scan');
    const apiFile = await app.inject({ method: 'GET', url: `/api/v1/forum-files/${file.id}`, headers });
    expect(apiFile.statusCode).toBe(404);
    const facilitator = await browserOf(app, world.facilitator);
    expect((await facilitator.get(`/threads/${threadId}`)).body).toContain('passport-scan.png');
    expect((await facilitator.get(`/forum-files/${file.id}`)).statusCode).toBe(200);
  });

  it('attaches through the API (201, listed with the post), refusing bad files with 400 on `file`', async () => {
    const { app, deps, world, threadId } = bed;
    const token = await tokenOf(deps, world.participant);
    const auth = { authorization: `Bearer ${token}` };
    const reply = await app.inject({
      method: 'POST',
      url: `/api/v1/threads/${threadId}/posts`,
      headers: auth,
      payload: { body: 'With a chart' },
    });
    const { postId } = reply.json();
    const upload = (content: Buffer | string) => {
      const form = multipartBody({}, { name: 'chart.png', content, type: 'image/png' });
      return app.inject({
        method: 'POST',
        url: `/api/v1/posts/${postId}/attachments`,
        headers: { ...auth, ...form.headers },
        payload: form.payload,
      });
    };
    const bad = await upload('GIF? no');
    expect([bad.statusCode, errorCode(bad)]).toEqual([400, 'validation_failed']);
    const ok = await upload(PNG);
    expect(ok.statusCode).toBe(201);
    const thread = await app.inject({ method: 'GET', url: `/api/v1/threads/${threadId}`, headers: auth });
    const post = thread.json().items.find((p: { id: string }) => p.id === postId);
    expect(post.attachments).toEqual([
      expect.objectContaining({ id: ok.json().id, fileName: 'chart.png', contentType: 'image/png' }),
    ]);
    // Someone else's post: the author and staff only.
    const other = await postInForum(deps.db, deps, actorOf(world.facilitator), { threadId, body: 'Mine' });
    const form = multipartBody({}, { name: 'chart.png', content: PNG });
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/posts/${other.postId}/attachments`,
      headers: { ...auth, ...form.headers },
      payload: form.payload,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('serves files of members-only forums (groups, role-plays) to their members and staff only', async () => {
    const { app, deps, world, participant } = bed;
    for (const kind of ['group', 'roleplay'] as const) {
      const forum = await createForum(deps.db, deps, {
        editionId: world.edition.id,
        scope: { kind, id: newId() },
        title: `${kind} forum`,
      });
      await setForumMembers(deps.db, forum.id, [world.facilitator.id]);
      const created = await postInForum(deps.db, deps, actorOf(world.facilitator), {
        forumId: forum.id,
        subject: 'Private',
        body: 'Members only',
        attachment: { fileName: 'plan.pdf', bytes: TINY_PDF },
      });
      const page = await (await browserOf(app, world.facilitator)).get(`/threads/${created.threadId}`);
      const href = /href="(\/forum-files\/[^"]+)"/.exec(page.body)?.[1] as string;
      expect(href).toBeTruthy();
      expect((await participant.get(href)).statusCode).toBe(404);
      await setForumMembers(deps.db, forum.id, [world.participant.id]);
      expect((await participant.get(href)).statusCode).toBe(200);
    }
  });

  it('withholds others’ files in a "post first" forum until the reader has posted', async () => {
    const { app, deps, world, participant } = bed;
    const forum = await buildDiscussion(deps, world, { postingRule: 'post-first', title: 'Reflections' });
    const staffThread = await postInForum(deps.db, deps, actorOf(world.facilitator), {
      forumId: forum.id,
      subject: 'Your reflection',
      body: 'Post first.',
    });
    await postInForum(deps.db, deps, actorOf(world.facilitator), {
      threadId: staffThread.threadId,
      body: 'Example',
      attachment: { fileName: 'example.pdf', bytes: TINY_PDF },
    });
    const staffPage = await (await browserOf(app, world.facilitator)).get(`/threads/${staffThread.threadId}`);
    const hrefs = [...staffPage.body.matchAll(/href="(\/forum-files\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(hrefs).toHaveLength(1);
    expect((await participant.get(hrefs[0] as string)).statusCode).toBe(404);
    await postInForum(deps.db, deps, actorOf(world.participant), {
      threadId: staffThread.threadId,
      body: 'My reflection',
    });
    expect((await participant.get(hrefs[0] as string)).statusCode).toBe(200);
  });
});
