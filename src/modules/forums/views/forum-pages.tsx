/** The pages of a forum (its threads, a new thread) and of a thread (its posts, a post's action, a reply). */
import { renderToString } from 'preact-render-to-string';
import { Csrf, Pagination } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { KeptHtml } from '../../../web/render.js';
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
function chosenAction(page: ThreadPage, asked: { action: string; postId: string } | undefined) {
  const post = asked ? page.posts.find((p) => p.id === asked.postId) : undefined;
  if (!asked || !post) return null;
  const action = postActionsFor(postFrame(page), post).find((a) => a === asked.action);
  return action ? { post, action } : null;
}

export function ThreadPageView(
  props: {
    ctx: PageContext;
    page: ThreadPage;
    quote?: string | undefined;
    /** A post's action the reader opened (`?action=edit&post=…`), or the one whose form was refused. */
    action?: { action: string; postId: string } | undefined;
  } & FormState,
) {
  const { ctx, page } = props;
  const { t } = ctx;
  const quoted = props.quote ? page.posts.find((p) => p.id === props.quote) : undefined;
  const pageHref = (n: number) => `/threads/${page.thread.id}?page=${n}`;
  const canReply = page.can.post && (!page.thread.locked || page.can.moderate);
  const chosen = chosenAction(page, props.action);
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
            page={postFrame(page)}
            post={chosen.post}
            action={chosen.action}
            values={props.action ? props.values : undefined}
            errors={props.action ? props.errors : undefined}
          />,
        ),
      }
    : undefined;
  return (
    <Layout ctx={ctx} title={page.thread.subject}>
      <p class="breadcrumb">
        <a href={`/forums/${page.forum.id}`}>{page.forum.title}</a>
      </p>
      <h1>{page.thread.subject}</h1>
      {page.thread.locked ? <p class="notice">{t.t('forums.thread.lockedNotice')}</p> : null}
      <SubscribeForm
        t={t}
        csrf={ctx.csrf}
        action={`/threads/${page.thread.id}/subscription`}
        current={page.subscription}
      />
      {page.can.moderate ? (
        <form method="post" action={`/threads/${page.thread.id}/flags`} class="inline">
          <Csrf token={ctx.csrf} />
          <button type="submit" name="pinned" value={page.thread.pinned ? '0' : '1'}>
            {t.t(page.thread.pinned ? 'forums.thread.unpin' : 'forums.thread.pin')}
          </button>{' '}
          <button type="submit" name="locked" value={page.thread.locked ? '0' : '1'}>
            {t.t(page.thread.locked ? 'forums.thread.unlock' : 'forums.thread.lock')}
          </button>
        </form>
      ) : null}
      <Pagination t={t} page={page.page} pageCount={page.pageCount} href={pageHref} numbered />
      <KeptHtml html={keptPostsHtml(t, page, actionForm)} />
      <Pagination t={t} page={page.page} pageCount={page.pageCount} href={pageHref} numbered />
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
        <ReplyForm t={t} csrf={ctx.csrf} threadId={page.thread.id} values={values} errors={replyErrors} />
      ) : null}
    </Layout>
  );
}
