/**
 * One post of a thread: author, moment, Markdown, files, history and links to the reader's actions on it; and
 * the page's single action form (edit, report, attach, hide, restore) for the post the reader chose.
 */
import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, ErrorSummary, TextArea, TextField } from '../../../web/components.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import type { FieldMessages } from '../../../web/page-context.js';
import { formatBytes } from '../../spaces/kinds/file-kind.js';
import { BODY_MAX, NOTE_MAX, REASON_MAX } from '../forum.js';
import type { PostView, ThreadPage } from '../read-forums.js';
import { AttachmentField, Moment } from './forum-parts.js';

/**
 * What a post's rendering reads of its page: the thread, the page number, the reader's rights and zone, and
 * what its links to the thread's page start with (`linkBase`): '' when the page is shown at the thread's own
 * address (`?page=…` then resolves to it: ~40 bytes less a link), the thread's path when it is shown at a
 * form's address (a refused reply or action re-shows the thread at `/threads/{id}/posts`, `/posts/{id}/edit`).
 */
export type PostFrame = Pick<ThreadPage, 'thread' | 'can' | 'timeZone' | 'page'> & { linkBase: string };

export interface PostProps {
  t: Translator;
  page: PostFrame;
  post: PostView;
}

/** What the reader may do to a post, each opened by a link as the page's one action form. */
export const POST_ACTIONS = ['edit', 'report', 'attach', 'hide', 'restore'] as const;
export type PostAction = (typeof POST_ACTIONS)[number];

/** The route each action's form posts to (`/posts/{id}/<path>`). */
export const POST_ACTION_PATHS: Record<PostAction, string> = {
  edit: 'edit',
  report: 'report',
  attach: 'attachments',
  hide: 'hide',
  restore: 'restore',
};

/** The actions the reader may take on a post (from the view-model's rights), in the order shown. */
export function postActionsFor(page: PostFrame, post: PostView): PostAction[] {
  const out: PostAction[] = [];
  if (post.canEdit) out.push('edit');
  if (!page.can.moderate) out.push('report');
  if (post.canAttach) out.push('attach');
  if (page.can.moderate) out.push(post.hidden ? 'restore' : 'hide');
  return out;
}

const ACTION_LABEL: Record<PostAction, string> = {
  edit: 'forums.post.edit',
  report: 'forums.post.report',
  attach: 'forums.post.attachLink',
  hide: 'forums.post.hide',
  restore: 'forums.post.restore',
};

const ACTION_SUBMIT: Record<PostAction, string> = {
  edit: 'forums.post.save',
  report: 'forums.post.report',
  attach: 'forums.post.attach',
  hide: 'forums.post.hide',
  restore: 'forums.post.restore',
};

/** The address of a post's action form on its thread page (the page it is on). */
export function postActionHref(page: PostFrame, postId: string, action: PostAction): string {
  return `${page.linkBase}?page=${page.page}&action=${action}&post=${postId}#post-action`;
}

/**
 * A post's actions as links (no form, no token: the post's HTML is the same for every request and is kept);
 * the chosen one opens as the page's single action form under the post.
 */
function PostActions({ t, page, post }: PostProps) {
  const quote = page.can.post && !page.thread.locked;
  const actions = postActionsFor(page, post);
  if (!quote && actions.length === 0) return null;
  return (
    <ul class="post-actions" aria-label={t.t('forums.post.actions')}>
      {quote ? (
        <li>
          <a href={`${page.linkBase}?page=${page.page}&quote=${post.id}#reply`}>{t.t('forums.post.quote')}</a>
        </li>
      ) : null}
      {actions.map((action) => (
        <li>
          <a href={postActionHref(page, post.id, action)}>{t.t(ACTION_LABEL[action])}</a>
        </li>
      ))}
    </ul>
  );
}

/** The page's one action form, for the post and the action the reader chose (rendered per request). */
export function PostActionForm(props: {
  t: Translator;
  csrf: string;
  page: PostFrame;
  post: PostView;
  action: PostAction;
  values?: Record<string, string> | undefined;
  errors?: FieldMessages | undefined;
}) {
  const { t, csrf, page, post, action, values = {}, errors = {} } = props;
  const target = `/posts/${post.id}/${POST_ACTION_PATHS[action]}?page=${page.page}`;
  const back = `/threads/${page.thread.id}?page=${page.page}#post-${post.id}`;
  return (
    <form
      method="post"
      action={target}
      id="post-action"
      class="post-action stack"
      enctype={action === 'attach' ? 'multipart/form-data' : undefined}
    >
      <Csrf token={csrf} />
      <ErrorSummary t={t} errors={errors} />
      {action === 'edit' ? (
        <TextArea
          name="body"
          label={t.t('forums.post.edit')}
          value={values.body ?? post.body}
          errors={errors}
          rows={6}
          maxLength={BODY_MAX}
        />
      ) : null}
      {action === 'report' ? (
        <TextField
          name="reason"
          label={t.t('forums.post.reason')}
          value={values.reason}
          errors={errors}
          maxLength={REASON_MAX}
          required
        />
      ) : null}
      {action === 'attach' ? <AttachmentField t={t} errors={errors} /> : null}
      {action === 'hide' ? (
        <TextField
          name="note"
          label={t.t('forums.post.note')}
          value={values.note}
          errors={errors}
          maxLength={NOTE_MAX}
          required
        />
      ) : null}
      <p>
        <button type="submit">{t.t(ACTION_SUBMIT[action])}</button>{' '}
        <a href={back}>{t.t('forums.post.cancel')}</a>
      </p>
    </form>
  );
}

/** One post of a thread with links to its reader's actions. */
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
            <a href={post.replyOnPage ? `#post-${post.replyTo}` : `/posts/${post.replyTo}`}>
              {t.t('forums.post.inReply')}
            </a>
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
