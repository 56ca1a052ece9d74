/** One post of a thread page: author, moment, Markdown, files, history and the reader's actions on it. */
import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, TextField } from '../../../web/components.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import { formatBytes } from '../../spaces/kinds/file-kind.js';
import { NOTE_MAX, REASON_MAX } from '../forum.js';
import type { PostView, ThreadPage } from '../read-forums.js';
import { AttachmentField, Moment } from './forum-parts.js';

/** What a post's rendering reads of its page: the thread, the reader's rights on it and their zone. */
export type PostFrame = Pick<ThreadPage, 'thread' | 'can' | 'timeZone'>;

export interface PostProps {
  t: Translator;
  /** The CSRF token of the post's forms. */
  csrf: string;
  page: PostFrame;
  post: PostView;
}

function PostActions({ t, csrf, page, post }: PostProps) {
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
          <Csrf token={csrf} />
          <label for={`edit-${post.id}`}>{t.t('forums.post.edit')}</label>
          <textarea id={`edit-${post.id}`} name="body" rows={4}>
            {post.body}
          </textarea>
          <button type="submit">{t.t('forums.post.save')}</button>
        </form>
      ) : null}
      {page.can.post && !page.can.moderate ? (
        <form method="post" action={`${base}/report`}>
          <Csrf token={csrf} />
          <TextField name={`reason`} label={t.t('forums.post.reason')} maxLength={REASON_MAX} required />
          <button type="submit">{t.t('forums.post.report')}</button>
        </form>
      ) : null}
      {post.canAttach ? (
        <form method="post" action={`${base}/attachments`} enctype="multipart/form-data">
          <Csrf token={csrf} />
          <AttachmentField t={t} errors={{}} id={`file-${post.id}`} />
          <button type="submit">{t.t('forums.post.attach')}</button>
        </form>
      ) : null}
      {page.can.moderate && !post.hidden ? (
        <form method="post" action={`${base}/hide`}>
          <Csrf token={csrf} />
          <TextField name="note" label={t.t('forums.post.note')} maxLength={NOTE_MAX} required />
          <button type="submit">{t.t('forums.post.hide')}</button>
        </form>
      ) : null}
      {page.can.moderate && post.hidden ? (
        <form method="post" action={`${base}/restore`}>
          <Csrf token={csrf} />
          <button type="submit">{t.t('forums.post.restore')}</button>
        </form>
      ) : null}
    </details>
  );
}

/** One post of a thread with its actions (the forms its reader may use). */
export function PostItem(props: PostProps) {
  const { t, post } = props;
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
      <PostActions {...props} />
    </article>
  );
}
