/** The pages of a forum (its threads, a new thread) and of a thread (its posts, moderation, a reply). */
import { Csrf, Pagination, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { formatBytes } from '../../spaces/kinds/file-kind.js';
import { NOTE_MAX, quoteOf, REASON_MAX } from '../forum.js';
import type { ForumPage, PostView, ThreadPage } from '../read-forums.js';
import {
  AttachmentField,
  Moment,
  NewThreadForm,
  ReplyForm,
  SubscribeForm,
  ThreadList,
} from './forum-parts.js';

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
      <ThreadList t={t} threads={page.threads} timeZone={props.page.timeZone} />
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

function PostActions({ ctx, page, post }: { ctx: PageContext; page: ThreadPage; post: PostView }) {
  const { t } = ctx;
  const base = `/posts/${post.id}`;
  return (
    <details class="post-actions">
      <summary>{t.t('forums.post.actions')}</summary>
      {page.can.post && !page.thread.locked ? (
        <p>
          <a href={`/threads/${page.thread.id}?quote=${post.id}#reply`}>{t.t('forums.post.quote')}</a>
        </p>
      ) : null}
      {post.canEdit ? (
        <form method="post" action={`${base}/edit`}>
          <Csrf token={ctx.csrf} />
          <label for={`edit-${post.id}`}>{t.t('forums.post.edit')}</label>
          <textarea id={`edit-${post.id}`} name="body" rows={4}>
            {post.body}
          </textarea>
          <button type="submit">{t.t('forums.post.save')}</button>
        </form>
      ) : null}
      {page.can.post && !page.can.moderate ? (
        <form method="post" action={`${base}/report`}>
          <Csrf token={ctx.csrf} />
          <TextField name={`reason`} label={t.t('forums.post.reason')} maxLength={REASON_MAX} required />
          <button type="submit">{t.t('forums.post.report')}</button>
        </form>
      ) : null}
      {post.canAttach ? (
        <form method="post" action={`${base}/attachments`} enctype="multipart/form-data">
          <Csrf token={ctx.csrf} />
          <AttachmentField t={t} errors={{}} id={`file-${post.id}`} />
          <button type="submit">{t.t('forums.post.attach')}</button>
        </form>
      ) : null}
      {page.can.moderate && !post.hidden ? (
        <form method="post" action={`${base}/hide`}>
          <Csrf token={ctx.csrf} />
          <TextField name="note" label={t.t('forums.post.note')} maxLength={NOTE_MAX} required />
          <button type="submit">{t.t('forums.post.hide')}</button>
        </form>
      ) : null}
      {page.can.moderate && post.hidden ? (
        <form method="post" action={`${base}/restore`}>
          <Csrf token={ctx.csrf} />
          <button type="submit">{t.t('forums.post.restore')}</button>
        </form>
      ) : null}
    </details>
  );
}

function PostItem(props: { ctx: PageContext; page: ThreadPage; post: PostView }) {
  const { ctx, post } = props;
  const { t } = ctx;
  return (
    <article id={`post-${post.id}`} class={post.hidden ? 'post hidden-post' : 'post'}>
      <header>
        <strong>{post.author}</strong>
        {post.realName ? <small> ({post.realName})</small> : null} ·{' '}
        <Moment t={t} iso={post.createdAt} timeZone={props.page.timeZone} />
        {post.editedAt ? <small> · {t.t('forums.post.edited')}</small> : null}
        {post.isNew ? <strong class="badge"> {t.t('forums.post.new')}</strong> : null}
      </header>
      {post.hidden ? (
        <p class="notice">{t.t('forums.post.hiddenNote', { note: post.hiddenNote ?? '' })}</p>
      ) : null}
      {post.replyTo ? (
        <p>
          <small>
            <a href={`#post-${post.replyTo}`}>{t.t('forums.post.inReply')}</a>
          </small>
        </p>
      ) : null}
      <MarkdownBlock source={post.body} />
      {post.attachments.length ? (
        <ul class="attachments" aria-label={t.t('forums.post.files')}>
          {post.attachments.map((a) => (
            <li>
              <a href={a.url} download>
                {a.fileName}
              </a>{' '}
              <small>({formatBytes(a.size, t.locale)})</small>
            </li>
          ))}
        </ul>
      ) : null}
      {post.history.length ? (
        <details>
          <summary>{t.t('forums.post.history', { count: post.history.length })}</summary>
          {post.history.map((h) => (
            <div>
              <Moment t={t} iso={h.editedAt} timeZone={props.page.timeZone} />
              <MarkdownBlock source={h.body} />
            </div>
          ))}
        </details>
      ) : null}
      <PostActions ctx={ctx} page={props.page} post={post} />
    </article>
  );
}

export function ThreadPageView(
  props: { ctx: PageContext; page: ThreadPage; quote?: string | undefined } & FormState,
) {
  const { ctx, page } = props;
  const { t } = ctx;
  const quoted = props.quote ? page.posts.find((p) => p.id === props.quote) : undefined;
  const pageHref = (n: number) => `/threads/${page.thread.id}?page=${n}`;
  const values =
    props.values ?? (quoted ? { body: quoteOf(quoted.author, quoted.body), replyTo: quoted.id } : {});
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
      <Pagination t={t} page={page.page} pageCount={page.pageCount} href={pageHref} />
      {page.posts.map((post) => (
        <PostItem ctx={ctx} page={page} post={post} />
      ))}
      <Pagination t={t} page={page.page} pageCount={page.pageCount} href={pageHref} />
      {page.withheld > 0 ? (
        <p class="notice">{t.t('forums.rule.withheld', { count: page.withheld })}</p>
      ) : null}
      {page.can.post && (!page.thread.locked || page.can.moderate) ? (
        <ReplyForm t={t} csrf={ctx.csrf} threadId={page.thread.id} values={values} errors={props.errors} />
      ) : null}
    </Layout>
  );
}
