/**
 * A phase's in-character discussion: its topics (read on the forum's pages) and forms to post in character,
 * each with an optional file (the forum's limits shown before upload).
 */
import { Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import { Moment } from '../../../web/moment.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { AttachmentField } from '../../forums/forums.port.js';
import type { PhaseDiscussion } from '../get-phase-discussion.js';

interface Props {
  ctx: PageContext;
  page: PhaseDiscussion;
  errors?: FieldMessages;
  values?: Record<string, string>;
}

/** Someone holding more than one role chooses, for each post, the one it is written as (the default first). */
function RolePicker({ ctx, page, id, errors = {} }: Props & { id: string }) {
  if (page.personas.length < 2) return null;
  return (
    <SelectField
      name={id}
      label={ctx.t.t('roleplays.discussion.postAs')}
      options={page.personas.map((p) => ({ value: p.roleId, label: p.name }))}
      errors={errors}
    />
  );
}

export function PhasePage({ ctx, page, errors = {}, values = {} }: Props) {
  const { t } = ctx;
  const action = `/roleplays/${page.itemId}/phases/${page.phase.id}/posts`;
  const zone = page.forum.timeZone;
  return (
    <Layout ctx={ctx} title={page.phase.title}>
      <p class="breadcrumb">
        <a href={`/spaces/${page.editionId}/items/${page.itemId}`}>{t.t('roleplays.item.roles')}</a>
      </p>
      <h1>{page.phase.title}</h1>
      <p>
        <Moment t={t} iso={page.phase.startsAt} timeZone={zone} /> –{' '}
        <Moment t={t} iso={page.phase.endsAt} timeZone={zone} /> ({t.t(`roleplays.phase.${page.phase.state}`)}
        )
      </p>
      {page.personas.length > 1 ? (
        <p class="notice">{t.t('roleplays.discussion.severalRoles', { role: page.persona ?? '' })}</p>
      ) : page.persona ? (
        <p class="notice">{t.t('roleplays.discussion.postingAs', { role: page.persona })}</p>
      ) : null}
      <ErrorSummary t={t} errors={errors} />
      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">{t.t('roleplays.discussion.topics')}</h2>
        {page.forum.threads.length === 0 ? <p>{t.t('roleplays.discussion.none')}</p> : null}
        {page.forum.threads.map((thread) => (
          <article class="card">
            <h3>
              <a href={`/threads/${thread.id}`}>{thread.subject}</a>
            </h3>
            <p class="hint">
              {thread.author} · {t.t('roleplays.discussion.posts', { count: thread.posts })}
            </p>
            {page.canPost ? (
              <form method="post" action={action} enctype="multipart/form-data">
                <Csrf token={ctx.csrf} />
                <input type="hidden" name="threadId" value={thread.id} />
                <TextArea name={`reply-${thread.id}`} label={t.t('roleplays.discussion.reply')} rows={3} />
                <AttachmentField t={t} errors={{}} id={`file-${thread.id}`} />
                <RolePicker ctx={ctx} page={page} id={`roleId-${thread.id}`} />
                <button type="submit">{t.t('roleplays.discussion.send')}</button>
              </form>
            ) : null}
          </article>
        ))}
      </section>
      {page.canPost ? (
        <form method="post" action={action} enctype="multipart/form-data">
          <Csrf token={ctx.csrf} />
          <h2>{t.t('roleplays.discussion.newTopic')}</h2>
          <TextField
            name="subject"
            label={t.t('roleplays.discussion.subject')}
            value={values.subject}
            errors={errors}
            maxLength={200}
          />
          <TextArea
            name="body"
            label={t.t('roleplays.discussion.body')}
            value={values.body}
            errors={errors}
            rows={6}
          />
          <AttachmentField t={t} errors={errors} />
          <RolePicker ctx={ctx} page={page} id="roleId" errors={errors} />
          <button type="submit">{t.t('roleplays.discussion.send')}</button>
        </form>
      ) : null}
    </Layout>
  );
}
