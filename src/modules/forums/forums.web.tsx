import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, echoValues, formBody } from '../../http/forms.js';
import { sendCsvDownload } from '../../http/uploads.js';
import type { Actor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import { type FieldMessages, fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { attachToPost } from './attachments/attach-files.js';
import { forumUpload, sendAttachment } from './attachments/forum-upload-http.js';
import { editPost } from './edit-post.js';
import { POSTS_PER_WEB_PAGE, THREADS_PER_WEB_PAGE } from './forum.js';
import { postAccess } from './forum-access.js';
import { hidePost, restorePost } from './moderate-post.js';
import { participationCsv } from './participation.js';
import { postInForum } from './post-in-forum.js';
import { getForum, getThread, locatePost } from './read-forums.js';
import { reportPost } from './report-post.js';
import { searchEditionPosts } from './search/search-posts.js';
import { subscribe } from './subscribe.js';
import { setThreadFlags } from './threads/set-thread-flags.js';
import { PAGE_MAX, parsePageParameter } from './threads/thread-paging.js';
import { ForumPageView, ThreadPageView } from './views/forum-pages.js';
import { POST_ACTION_PATHS, type PostAction } from './views/post-item.js';
import { SearchPageView } from './views/search-page.js';

type ForumParams = { Params: { forumId: string }; Querystring: { page?: string } };
type ThreadQuery = { quote?: string; page?: string; action?: string; post?: string };
type ThreadParams = { Params: { threadId: string }; Querystring: ThreadQuery };
type PostParams = { Params: { postId: string }; Querystring: { page?: string } };
type EditionParams = { Params: { id: string }; Querystring: { q?: string } };

/** Field problems a form shows next to its fields (others go to the error handler). */
function formProblems(request: FastifyRequest, error: unknown): FieldMessages | null {
  if (!isAppError(error) || error.fields.length === 0) return null;
  if (!['validation_failed', 'invalid_state', 'too_many_attempts'].includes(error.code)) return null;
  return fieldMessages(request.i18n, error.fields);
}

/** Forums' pages: a forum's threads, a thread, posting, moderation, subscriptions, search, the CSV. */
export function forumsWebRoutes(app: FastifyInstance, deps: Deps): void {
  const uploadForm = { preValidation: [forumUpload.read, app.csrfProtection], schema: { hide: true } };
  const showForum = async (
    request: FastifyRequest<ForumParams>,
    reply: FastifyReply,
    status = 200,
    form: { values?: Record<string, string>; errors?: FieldMessages } = {},
  ) => {
    const asked = parsePageParameter(request.query?.page);
    const page = await getForum(deps.db, deps, request.actor, request.params.forumId, {
      page: asked === 'landing' ? 1 : asked === 'last' ? PAGE_MAX : asked,
      perPage: THREADS_PER_WEB_PAGE,
    });
    return sendPage(reply, <ForumPageView ctx={pageContext(request, reply)} page={page} {...form} />, status);
  };
  const showThread = async (
    request: FastifyRequest<{ Params: { threadId: string }; Querystring: ThreadQuery }>,
    reply: FastifyReply,
    threadId: string,
    status = 200,
    form: {
      values?: Record<string, string>;
      errors?: FieldMessages;
      action?: { action: string; postId: string };
    } = {},
  ) => {
    const { action: askedAction, post: askedPost } = request.query ?? {};
    const action =
      form.action ??
      (typeof askedAction === 'string' && typeof askedPost === 'string'
        ? { action: askedAction, postId: askedPost }
        : undefined);
    // No page asked: where the reader is (the first post new since their last visit, else the newest).
    const page = await getThread(deps.db, deps, request.actor, threadId, {
      page: parsePageParameter(request.query?.page),
      perPage: POSTS_PER_WEB_PAGE,
      markRead: status === 200,
    });
    const ctx = pageContext(request, reply);
    // At the thread's own address its links can be relative (`?page=…`); at a form's address they cannot.
    const linkBase = request.method === 'GET' ? '' : `/threads/${page.thread.id}`;
    return sendPage(
      reply,
      <ThreadPageView
        ctx={ctx}
        page={page}
        linkBase={linkBase}
        quote={request.query?.quote}
        {...form}
        action={action}
      />,
      status,
    );
  };

  app.get<ForumParams>('/forums/:forumId', { schema: { hide: true } }, (request, reply) =>
    showForum(request, reply),
  );

  app.post<ForumParams>('/forums/:forumId/threads', uploadForm, async (request, reply) => {
    const body = formBody(request);
    try {
      const { threadId } = await postInForum(deps.db, deps, request.actor, {
        forumId: request.params.forumId,
        subject: String(body.subject ?? ''),
        body: String(body.body ?? ''),
        attachment: forumUpload.optionalFile(request),
      });
      return reply.redirect(`/threads/${threadId}`, 303);
    } catch (error) {
      const errors = formProblems(request, error);
      if (!errors || !isAppError(error)) throw error;
      return showForum(request, reply, error.status, { values: echoValues(body), errors });
    }
  });

  app.get<ThreadParams>('/threads/:threadId', { schema: { hide: true } }, (request, reply) =>
    showThread(request, reply, request.params.threadId),
  );

  // A post's own address: the page of its thread it is on now (links in replies, notices and search results).
  app.get<PostParams>('/posts/:postId', { schema: { hide: true } }, async (request, reply) => {
    const at = await locatePost(deps.db, deps, request.actor, request.params.postId, POSTS_PER_WEB_PAGE);
    return reply.redirect(`/threads/${at.threadId}?page=${at.page}#post-${at.postId}`, 303);
  });

  app.post<ThreadParams>('/threads/:threadId/posts', uploadForm, async (request, reply) => {
    const body = formBody(request);
    try {
      const { postId } = await postInForum(deps.db, deps, request.actor, {
        threadId: request.params.threadId,
        body: String(body.body ?? ''),
        replyTo: typeof body.replyTo === 'string' && body.replyTo ? body.replyTo : null,
        attachment: forumUpload.optionalFile(request),
      });
      // A reply is the thread's newest post: on its last page.
      return reply.redirect(`/threads/${request.params.threadId}?page=last#post-${postId}`, 303);
    } catch (error) {
      const errors = formProblems(request, error);
      if (!errors || !isAppError(error)) throw error;
      return showThread(request, reply, request.params.threadId, error.status, {
        values: echoValues(body),
        errors,
      });
    }
  });

  app.post<ThreadParams>('/threads/:threadId/flags', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    const flag = (v: unknown) => (v === '1' ? true : v === '0' ? false : undefined);
    const change: { pinned?: boolean; locked?: boolean } = {};
    const pinned = flag(body.pinned);
    const locked = flag(body.locked);
    if (pinned !== undefined) change.pinned = pinned;
    if (locked !== undefined) change.locked = locked;
    await setThreadFlags(deps.db, deps, request.actor, request.params.threadId, change);
    setFlash(reply, 'forums.flash.saved');
    return reply.redirect(`/threads/${request.params.threadId}`, 303);
  });

  app.post<ForumParams>('/forums/:forumId/subscription', csrfProtected(app), async (request, reply) => {
    const mode = formBody(request).mode;
    await subscribe(deps.db, deps, request.actor, { kind: 'forum', id: request.params.forumId }, mode);
    setFlash(reply, 'forums.flash.subscription');
    return reply.redirect(`/forums/${request.params.forumId}`, 303);
  });

  app.post<ThreadParams>('/threads/:threadId/subscription', csrfProtected(app), async (request, reply) => {
    const mode = formBody(request).mode;
    await subscribe(deps.db, deps, request.actor, { kind: 'thread', id: request.params.threadId }, mode);
    setFlash(reply, 'forums.flash.subscription');
    return reply.redirect(`/threads/${request.params.threadId}`, 303);
  });

  /**
   * A post's action form: field problems re-show the thread's page (`?page=`) with that form open and what was
   * typed; success flashes and goes back to the post on that page.
   */
  const postForm = (
    action: PostAction,
    work: (
      actor: Actor,
      postId: string,
      body: Record<string, unknown>,
      request: FastifyRequest,
    ) => Promise<unknown>,
    flash: string,
    options: object = csrfProtected(app),
  ) =>
    app.post<PostParams>(`/posts/:postId/${POST_ACTION_PATHS[action]}`, options, async (request, reply) => {
      const body = formBody(request);
      const postId = request.params.postId;
      const threadOf = () => postAccess(deps.db, request.actor, postId);
      const page = Number.parseInt(String(request.query?.page ?? ''), 10);
      const onPage = Number.isFinite(page) && page > 1 ? `?page=${page}` : '';
      try {
        const access = await threadOf();
        await work(request.actor, postId, body, request);
        setFlash(reply, flash);
        return reply.redirect(`/threads/${access.thread.id}${onPage}#post-${postId}`, 303);
      } catch (error) {
        const errors = formProblems(request, error);
        if (!errors || !isAppError(error)) throw error;
        const access = await threadOf();
        return showThread(request as never, reply, access.thread.id, error.status, {
          errors,
          values: echoValues(body),
          action: { action, postId },
        });
      }
    });

  postForm('edit', (actor, id, body) => editPost(deps.db, deps, actor, id, body), 'forums.flash.edited');
  postForm(
    'report',
    (actor, id, body) => reportPost(deps.db, deps, actor, id, body),
    'forums.flash.reported',
  );
  postForm('hide', (actor, id, body) => hidePost(deps.db, deps, actor, id, body), 'forums.flash.hidden');
  postForm('restore', (actor, id) => restorePost(deps.db, deps, actor, id), 'forums.flash.restored');
  postForm(
    'attach',
    (actor, id, _body, request) => attachToPost(deps.db, deps, actor, id, forumUpload.optionalFile(request)),
    'forums.flash.attached',
    uploadForm,
  );

  app.get<{ Params: { attachmentId: string } }>(
    '/forum-files/:attachmentId',
    { schema: { hide: true } },
    async (request, reply) => {
      return sendAttachment(reply, deps, request.actor, request.params.attachmentId);
    },
  );

  app.get<EditionParams>(
    '/editions/:id/forums/search',
    { schema: { hide: true } },
    async (request, reply) => {
      const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 200) : '';
      const result = await searchEditionPosts(deps.db, deps, request.actor, request.params.id, q);
      return sendPage(reply, <SearchPageView ctx={pageContext(request, reply)} result={result} />);
    },
  );

  app.get<EditionParams>(
    '/editions/:id/participation.csv',
    { schema: { hide: true } },
    async (request, reply) => {
      const csv = await participationCsv(deps.db, deps, request.actor, request.params.id);
      return sendCsvDownload(reply, csv.fileName, csv.text);
    },
  );
}
