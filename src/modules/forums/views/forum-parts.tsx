/** Shared parts of the forum pages: a moment, a thread list, the forms of a new thread and a reply. */
import { renderToString } from 'preact-render-to-string';
import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, describedBy, ErrorSummary, Field, TextArea, TextField } from '../../../web/components.js';
import { Moment } from '../../../web/moment.js';
import type { FieldMessages } from '../../../web/page-context.js';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_MEGABYTES,
  ATTACHMENTS_PER_POST,
} from '../attachments/forum-attachment.js';
import { BODY_MAX, SUBJECT_MAX } from '../forum.js';
import type { ThreadSummary } from '../read-forums.js';

/** An instant in the reader's language and zone (the platform's cached formatters: one per language and zone). */
export { Moment } from '../../../web/moment.js';

/** Rendered lines kept at most per kept forum index (its threads × the readers' languages, zones and standings). */
const LINES_PER_INDEX = 4_000;
const keptLines = new WeakMap<object, Map<string, string>>();

/**
 * A forum's threads. With `source` (the kept index they come from, a new object after any change to the
 * forum's threads, posts or authors' names: `listing/forum-index.ts`), each line's HTML is kept on it by
 * everything the line shows (the language, the zone and the thread as this reader sees it: a few short
 * fields), so a kept line is the one a new rendering would give.
 */
export function ThreadList(props: {
  t: Translator;
  threads: ThreadSummary[];
  timeZone: string;
  source?: object | undefined;
}) {
  const { t, threads, timeZone, source } = props;
  if (threads.length === 0) return <p>{t.t('forums.forum.empty')}</p>;
  if (!source)
    return (
      <ul class="thread-list">
        {threads.map((th) => (
          <ThreadLine t={t} thread={th} timeZone={timeZone} />
        ))}
      </ul>
    );
  let kept = keptLines.get(source);
  if (!kept || kept.size > LINES_PER_INDEX) {
    kept = new Map();
    keptLines.set(source, kept);
  }
  const shared = `${t.locale}|${timeZone}|`;
  let html = '';
  for (const th of threads) {
    const key = shared + JSON.stringify(th);
    let line = kept.get(key);
    if (line === undefined) {
      line = renderToString(<ThreadLine t={t} thread={th} timeZone={timeZone} />);
      kept.set(key, line);
    }
    html += line;
  }
  return <ul class="thread-list" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** One thread of a forum's list: subject, badges, "N new", author, posts and last activity. */
function ThreadLine(props: { t: Translator; thread: ThreadSummary; timeZone: string }) {
  const { t, thread: th } = props;
  return (
    <li>
      <a href={th.unread > 0 ? `/threads/${th.id}#new` : `/threads/${th.id}`}>{th.subject}</a>{' '}
      {th.pinned ? <span class="badge">{t.t('forums.thread.pinned')}</span> : null}{' '}
      {th.locked ? <span class="badge">{t.t('forums.thread.locked')}</span> : null}{' '}
      {th.unread > 0 ? <strong class="badge">{t.t('forums.forum.new', { count: th.unread })}</strong> : null}
      <br />
      <small>
        {t.t('forums.forum.byline', { author: th.author, posts: th.posts })} ·{' '}
        <Moment t={t} iso={th.lastPostAt} timeZone={props.timeZone} />
      </small>
    </li>
  );
}

/** A post's Markdown field (new threads, replies). */
function BodyField(props: { t: Translator; value: string | undefined; errors: FieldMessages }) {
  const { t } = props;
  return (
    <TextArea
      name="body"
      label={t.t('forums.field.body')}
      hint={t.t('forums.field.bodyHint')}
      value={props.value}
      errors={props.errors}
      rows={6}
      maxLength={BODY_MAX}
    />
  );
}

/** An optional file with the limits shown before upload (type by content, size, files per post). */
export function AttachmentField(props: { t: Translator; errors: FieldMessages; id?: string }) {
  const { t, errors } = props;
  const hint = t.t('forums.field.fileHint', { max: ATTACHMENT_MAX_MEGABYTES, count: ATTACHMENTS_PER_POST });
  const name = props.id ?? 'file';
  return (
    <Field name={name} label={t.t('forums.field.file')} hint={hint} errors={errors}>
      <input {...describedBy(name, errors, hint)} name="file" type="file" accept={ATTACHMENT_ACCEPT} />
    </Field>
  );
}

export function NewThreadForm(props: {
  t: Translator;
  csrf: string;
  forumId: string;
  values?: Record<string, string>;
  errors?: FieldMessages;
}) {
  const { t, values = {}, errors = {} } = props;
  return (
    <form method="post" action={`/forums/${props.forumId}/threads`} enctype="multipart/form-data">
      <Csrf token={props.csrf} />
      <h2>{t.t('forums.forum.newThread')}</h2>
      <ErrorSummary t={t} errors={errors} />
      <TextField
        name="subject"
        label={t.t('forums.field.subject')}
        value={values.subject}
        errors={errors}
        maxLength={SUBJECT_MAX}
        required
      />
      <BodyField t={t} value={values.body} errors={errors} />
      <AttachmentField t={t} errors={errors} />
      <button type="submit">{t.t('forums.forum.start')}</button>
    </form>
  );
}

export function ReplyForm(props: {
  t: Translator;
  csrf: string;
  threadId: string;
  values?: Record<string, string>;
  errors?: FieldMessages;
}) {
  const { t, values = {}, errors = {} } = props;
  return (
    <form method="post" action={`/threads/${props.threadId}/posts`} id="reply" enctype="multipart/form-data">
      <Csrf token={props.csrf} />
      <h2>{t.t('forums.thread.reply')}</h2>
      <ErrorSummary t={t} errors={errors} />
      {values.replyTo ? <input type="hidden" name="replyTo" value={values.replyTo} /> : null}
      <BodyField t={t} value={values.body} errors={errors} />
      <AttachmentField t={t} errors={errors} />
      <button type="submit">{t.t('forums.thread.send')}</button>
    </form>
  );
}

export function SubscribeForm(props: {
  t: Translator;
  csrf: string;
  action: string;
  current: string | null;
}) {
  const { t } = props;
  return (
    <form method="post" action={props.action} class="inline">
      <Csrf token={props.csrf} />
      <label for="subscription-mode">{t.t('forums.subscribe.label')}</label>{' '}
      <select id="subscription-mode" name="mode">
        {(['none', 'immediate', 'digest'] as const).map((m) => (
          <option value={m} selected={(props.current ?? 'none') === m}>
            {t.t(`forums.subscribe.${m}`)}
          </option>
        ))}
      </select>{' '}
      <button type="submit">{t.t('forums.subscribe.save')}</button>
    </form>
  );
}
