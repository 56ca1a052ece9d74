/** A group's page: members, shared files, the shared page (edit with conflict detection), the group tasks of the space. */
import { Csrf, TextArea } from '../../../web/components.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { formatBytes } from '../../spaces/kinds/file-kind.js';
import { Text, When } from '../../spaces/views/space-parts.js';
import type { GroupPage } from '../get-groups.js';
import { GROUP_FILE_MAX_BYTES, MAX_GROUP_FILES } from '../group-files.js';
import { PAGE_MAX } from '../shared-page.js';
import { ConflictBox, GroupFrame } from './group-frame.js';

/** The link to the group's forum (the forums module's pages), when it has one. */
function GroupForumLink({ ctx, href }: { ctx: PageContext; href: string | null }) {
  if (!href) return null;
  return (
    <p>
      <a class="button secondary" href={href}>
        {ctx.t.t('groups.page.forum')}
      </a>
    </p>
  );
}

export function GroupPageView({
  ctx,
  page,
  timeZone,
  conflict,
  errors = {},
}: {
  ctx: PageContext;
  page: GroupPage;
  timeZone: string;
  conflict?: { current: { version: number; body: string }; yours: string } | undefined;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const { access } = page;
  const { edition, course } = access.space;
  const base = `/groups/${access.group.id}`;
  const version = conflict ? conflict.current.version : (page.page?.version ?? 0);
  const draft = conflict ? conflict.yours : (page.page?.body ?? '');
  return (
    <GroupFrame
      ctx={ctx}
      editionId={edition.id}
      courseTitle={course.title}
      title={access.group.name}
      errors={errors}
      trail={[{ href: `/spaces/${edition.id}/groups`, label: t.t('groups.index.title') }]}
    >
      <p>
        <small>{access.set.name}</small>
      </p>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t.t('groups.page.members')}</h2>
        <ul>
          {page.members.map((m) => (
            <li>{m.fullName}</li>
          ))}
        </ul>
      </section>
      {page.tasks.length ? (
        <section aria-labelledby="tasks-heading">
          <h2 id="tasks-heading">{t.t('groups.page.tasks')}</h2>
          <ul>
            {page.tasks.map((task) => (
              <li>
                <a href={`/group-tasks/${task.id}`}>
                  <Text value={task.title} locale={ctx.locale} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {page.peer && access.standing.member ? (
        <p>
          <a href={`/groups/sets/${access.set.id}/peer`}>{t.t('groups.peer.rateLink')}</a>
        </p>
      ) : null}
      <GroupForumLink ctx={ctx} href={page.forumHref} />
      <section aria-labelledby="shared-heading">
        <h2 id="shared-heading">{t.t('groups.page.shared')}</h2>
        {page.page ? (
          <>
            <MarkdownBlock source={page.page.body} />
            <p>
              <small>
                {t.t('groups.page.version', { version: page.page.version })} ·{' '}
                <When t={t} iso={page.page.edited_at} timeZone={timeZone} /> ·{' '}
                <a href={`${base}/page/history`}>{t.t('groups.page.history')}</a>
              </small>
            </p>
          </>
        ) : (
          <p>{t.t('groups.page.emptyPage')}</p>
        )}
        {conflict ? <ConflictBox ctx={ctx} current={conflict.current} yours={conflict.yours} /> : null}
        {access.standing.member || access.standing.staff ? (
          <form method="post" action={`${base}/page`}>
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="version" value={String(version)} />
            <TextArea
              name="body"
              label={t.t('groups.page.edit')}
              hint={t.t('groups.page.markdownHint')}
              rows={12}
              maxLength={PAGE_MAX}
              value={draft}
              errors={errors}
            />
            <button type="submit">{t.t('groups.page.save')}</button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">{t.t('groups.page.files')}</h2>
        {page.files.length === 0 ? <p>{t.t('groups.page.noFiles')}</p> : null}
        <ul>
          {page.files.map((f) => (
            <li>
              <a href={`${base}/files/${f.id}`} download={f.file_name}>
                {f.file_name}
              </a>{' '}
              <small>({formatBytes(f.size, ctx.locale)})</small>{' '}
              <form method="post" action={`${base}/files/${f.id}/remove`} class="inline">
                <Csrf token={ctx.csrf} />
                <button type="submit" class="secondary">
                  {t.t('groups.page.removeFile', { name: f.file_name })}
                </button>
              </form>
            </li>
          ))}
        </ul>
        <form method="post" action={`${base}/files`} enctype="multipart/form-data">
          <Csrf token={ctx.csrf} />
          <p>
            <label for="field-file">{t.t('groups.page.addFile')}</label>{' '}
            <input
              id="field-file"
              type="file"
              name="file"
              required
              aria-describedby="hint-file"
              data-max-bytes={GROUP_FILE_MAX_BYTES}
            />
          </p>
          <p class="hint" id="hint-file">
            {t.t('groups.page.fileLimit', {
              size: formatBytes(GROUP_FILE_MAX_BYTES, ctx.locale),
              count: MAX_GROUP_FILES,
            })}
          </p>
          <button type="submit">{t.t('groups.page.upload')}</button>
        </form>
      </section>
    </GroupFrame>
  );
}

export function HistoryPage({
  ctx,
  page,
  revisions,
  timeZone,
  names,
}: {
  ctx: PageContext;
  page: { access: GroupPage['access'] };
  revisions: readonly { version: number; body: string; edited_by: string | null; edited_at: string }[];
  timeZone: string;
  names: Map<string, { fullName: string }>;
}) {
  const { t } = ctx;
  const { access } = page;
  return (
    <GroupFrame
      ctx={ctx}
      editionId={access.space.edition.id}
      courseTitle={access.space.course.title}
      title={t.t('groups.history.title', { name: access.group.name })}
      trail={[{ href: `/groups/${access.group.id}`, label: access.group.name }]}
    >
      {revisions.length === 0 ? <p>{t.t('groups.page.emptyPage')}</p> : null}
      {revisions.map((r) => (
        <details>
          <summary>
            {t.t('groups.page.version', { version: r.version })} ·{' '}
            <When t={t} iso={r.edited_at} timeZone={timeZone} /> ·{' '}
            {r.edited_by ? (names.get(r.edited_by)?.fullName ?? '') : ''}
          </summary>
          <pre class="conflict-text">{r.body}</pre>
        </details>
      ))}
    </GroupFrame>
  );
}
