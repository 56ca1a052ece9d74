/** The pages of a forum (its threads, a new thread) and of a thread (its posts, a post's action, a reply). */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, Pagination } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import { Moment } from '../../../web/moment.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { KeptHtml } from '../../../web/render.js';
import { renderedOnceWithToken } from '../../../web/rendered-once.js';
import { quoteOf } from '../forum.js';
import type { ForumPage, ThreadPage } from '../read-forums.js';
import { NewThreadForm, ReplyForm, SubscribeForm, ThreadList } from './forum-parts.js';
import { keptPostsHtml, postFrame } from './kept-posts.js';
import { PostActionForm, postActionsFor } from './post-item.js';

interface FormState {
  values?: Record<string, string>;
  errors?: FieldMessages;
}

export function ForumPageView(props: { ctx: PageContext; page: ForumPage } & FormState) {
  const { ctx, page } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={page.forum.title}>
      <p class="breadcrumb">
        <a href={`/spaces/${page.forum.editionId}`}>{t.t('forums.forum.space')}</a> ·{' '}
        <a href={`/editions/${page.forum.editionId}/forums/search`}>{t.t('forums.search.title')}</a>
      </p>
      <h1>{page.forum.title}</h1>
      {page.forum.postingRule === 'post-first' ? <p class="notice">{t.t('forums.rule.postFirst')}</p> : null}
      {page.reports.length ? (
        <section class="notice" aria-labelledby="reports-title">
          <h2 id="reports-title">{t.t('forums.reports.title', { count: page.reports.length })}</h2>
          <ul>
            {page.reports.map((r) => (
              <li key={`${r.postId}-${r.createdAt}`}>
                <a href={`/posts/${r.postId}`}>{t.t('forums.reports.open')}</a> (
                <Moment t={t} iso={r.createdAt} timeZone={page.timeZone} />
                {r.hidden ? `, ${t.t('forums.reports.hidden')}` : ''}): {r.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <SubscribeForm
        t={t}
        csrf={ctx.csrf}
        action={`/forums/${page.forum.id}/subscription`}
        current={page.subscription}
      />
      <ThreadList t={t} threads={page.threads} timeZone={props.page.timeZone} source={page.threadsSource} />
      <Pagination
        t={t}
        page={page.page}
        pageCount={page.pageCount}
        href={(n) => `/forums/${page.forum.id}?page=${n}`}
        numbered
      />
      {page.can.post ? (
        <NewThreadForm
          t={t}
          csrf={ctx.csrf}
          forumId={page.forum.id}
          values={props.values}
          errors={props.errors}
        />
      ) : null}
    </Layout>
  );
}

/** The action form a thread page shows: for a post of the page the reader may do it to (else none). */
function chosenAction(
  page: ThreadPage,
  linkBase: string,
  asked: { action: string; postId: string } | undefined,
) {
  const post = asked ? page.posts.find((p) => p.id === asked.postId) : undefined;
  if (!asked || !post) return null;
  const action = postActionsFor(postFrame(page, linkBase), post).find((a) => a === asked.action);
  return action ? { post, action } : null;
}

/**
 * HTML of the thread page that is the same for many requests (its forms, its pager), rendered once per kept
 * page of posts (`postsSource`, a new object after any change to the posts) and `variant` (the language and
 * everything else the HTML reads), with the request's CSRF token put in (`renderedOnceWithToken`).
 */
function onceForPage(page: ThreadPage, ctx: PageContext, variant: string, render: (token: string) => VNode) {
  return renderedOnceWithToken(page.postsSource, `${ctx.locale}|${variant}`, ctx.csrf, (token) =>
    renderToString(render(token)),
  );
}

/** The thread's subscription form, its moderation form (staff) and its pager, as one reader's page shows them. */
function ThreadHead(props: { t: Translator; csrf: string; page: ThreadPage; linkBase: string }) {
  const { t, csrf, page, linkBase } = props;
  return (
    <>
      <SubscribeForm
        t={t}
        csrf={csrf}
        action={`/threads/${page.thread.id}/subscription`}
        current={page.subscription}
      />
      {page.can.moderate ? (
        <form method="post" action={`/threads/${page.thread.id}/flags`} class="inline">
          <Csrf token={csrf} />
          <button type="submit" name="pinned" value={page.thread.pinned ? '0' : '1'}>
            {t.t(page.thread.pinned ? 'forums.thread.unpin' : 'forums.thread.pin')}
          </button>{' '}
          <button type="submit" name="locked" value={page.thread.locked ? '0' : '1'}>
            {t.t(page.thread.locked ? 'forums.thread.unlock' : 'forums.thread.lock')}
          </button>
        </form>
      ) : null}
      <ThreadPager t={t} page={page} linkBase={linkBase} />
    </>
  );
}

function ThreadPager(props: { t: Translator; page: ThreadPage; linkBase: string }) {
  const { t, page, linkBase } = props;
  return (
    <Pagination
      t={t}
      page={page.page}
      pageCount={page.pageCount}
      href={(n) => `${linkBase}?page=${n}`}
      numbered
    />
  );
}

export function ThreadPageView(
  props: {
    ctx: PageContext;
    page: ThreadPage;
    /**
     * What links to the thread's page start with: '' when the page is shown at the thread's own address (GET
     * `/threads/{id}`), the thread's path when a refused form re-shows it at the form's address.
     */
    linkBase: string;
    quote?: string | undefined;
    /** A post's action the reader opened (`?action=edit&post=…`), or the one whose form was refused. */
    action?: { action: string; postId: string } | undefined;
  } & FormState,
) {
  const { ctx, page, linkBase } = props;
  const { t } = ctx;
  const quoted = props.quote ? page.posts.find((p) => p.id === props.quote) : undefined;
  const canReply = page.can.post && (!page.thread.locked || page.can.moderate);
  const chosen = chosenAction(page, linkBase, props.action);
  // Field problems belong to the form that was sent: the post's action form, else the reply.
  const replyErrors = props.action ? undefined : props.errors;
  const values =
    (props.action ? undefined : props.values) ??
    (quoted ? { body: quoteOf(quoted.author, quoted.body), replyTo: quoted.id } : {});
  const actionForm = chosen
    ? {
        postId: chosen.post.id,
        html: renderToString(
          <PostActionForm
            t={t}
            csrf={ctx.csrf}
            page={postFrame(page, linkBase)}
            post={chosen.post}
            action={chosen.action}
            values={props.action ? props.values : undefined}
            errors={props.action ? props.errors : undefined}
          />,
        ),
      }
    : undefined;
  // Everything the head reads besides the kept page of posts (the thread's id and page are the kept page's).
  const { pinned, locked } = page.thread;
  const headVariant = `head|${linkBase}|${page.subscription}|${page.can.moderate}|${pinned}|${locked}|${page.pageCount}`;
  const pager = onceForPage(page, ctx, `pager|${linkBase}|${page.pageCount}`, () => (
    <ThreadPager t={t} page={page} linkBase={linkBase} />
  ));
  const head = onceForPage(page, ctx, headVariant, (token) => (
    <ThreadHead t={t} csrf={token} page={page} linkBase={linkBase} />
  ));
  // The reply form as most requests show it (empty, nothing refused) is rendered once too.
  const plainReply = replyErrors === undefined && Object.keys(values).length === 0;
  return (
    <Layout ctx={ctx} title={page.thread.subject}>
      <p class="breadcrumb">
        <a href={`/forums/${page.forum.id}`}>{page.forum.title}</a>
      </p>
      <h1>{page.thread.subject}</h1>
      {page.thread.locked ? <p class="notice">{t.t('forums.thread.lockedNotice')}</p> : null}
      <KeptHtml html={head + keptPostsHtml(t, page, linkBase, actionForm) + pager} />
      {page.withheld > 0 ? (
        <p class="notice">{t.t('forums.rule.withheld', { count: page.withheld })}</p>
      ) : null}
      {page.postingClosed ? <p class="notice">{t.t('forums.thread.postingClosed')}</p> : null}
      {props.errors && !(props.action ? chosen !== null : canReply) ? (
        // A refused form that is not on the page (the posting window closed meanwhile, the post is elsewhere).
        <div class="error-summary" role="alert">
          {Object.values(props.errors).map((message) => (
            <p>{message}</p>
          ))}
        </div>
      ) : null}
      {canReply && !chosen ? (
        // While a post's action is open, it is the page's one form (its fields would repeat the reply's).
        plainReply ? (
          <KeptHtml
            html={onceForPage(page, ctx, 'reply', (token) => (
              <ReplyForm t={t} csrf={token} threadId={page.thread.id} values={{}} errors={{}} />
            ))}
          />
        ) : (
          <ReplyForm t={t} csrf={ctx.csrf} threadId={page.thread.id} values={values} errors={replyErrors} />
        )
      ) : null}
    </Layout>
  );
}
