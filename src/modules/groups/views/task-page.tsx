/** A group task's work area: a member edits and submits their group's work; staff read every group's. */
import { pickLocalized } from '../../../i18n/localized.js';
import { Csrf, TextArea } from '../../../web/components.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { When } from '../../spaces/views/space-parts.js';
import type { GroupTaskPage } from '../group-task.js';
import { noSetMessage } from '../group-task-kind.js';
import { PAGE_MAX } from '../shared-page.js';
import { ConflictBox, GroupFrame } from './group-frame.js';

export function TaskPage({
  ctx,
  page,
  timeZone,
  conflict,
  errors = {},
}: {
  ctx: PageContext;
  page: GroupTaskPage;
  timeZone: string;
  conflict?: { current: { version: number; body: string }; yours: string } | undefined;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const title = pickLocalized(page.item.title, ctx.locale).text;
  const { edition, course } = page.space;
  return (
    <GroupFrame
      ctx={ctx}
      editionId={edition.id}
      courseTitle={course.title}
      title={title}
      errors={errors}
      trail={[{ href: `/spaces/${edition.id}/items/${page.item.id}`, label: title }]}
    >
      {page.item.settings.instructions ? <MarkdownBlock source={page.item.settings.instructions} /> : null}
      {page.set === null ? <p class="notice">{noSetMessage(t, page.item.settings)}</p> : null}
      {page.set !== null && page.groups.length === 0 ? <p>{t.t('groups.task.noGroup')}</p> : null}
      {page.groups.map(({ group, work }) => (
        <section class="card" aria-labelledby={`work-${group.id}`}>
          <h2 id={`work-${group.id}`}>
            <a href={`/groups/${group.id}`}>{group.name}</a>
          </h2>
          <p>
            {work?.submitted_at ? (
              <>
                {t.t('groups.task.submittedAt')} <When t={t} iso={work.submitted_at} timeZone={timeZone} />
              </>
            ) : (
              t.t('groups.task.notSubmitted')
            )}
          </p>
          {page.staff ? (
            work ? (
              <MarkdownBlock source={work.body} />
            ) : (
              <p>{t.t('groups.task.nothingYet')}</p>
            )
          ) : (
            <>
              {conflict ? <ConflictBox ctx={ctx} current={conflict.current} yours={conflict.yours} /> : null}
              <form method="post" action={`/group-tasks/${page.item.id}/work`}>
                <Csrf token={ctx.csrf} />
                <input
                  type="hidden"
                  name="version"
                  value={String(conflict ? conflict.current.version : (work?.version ?? 0))}
                />
                <TextArea
                  name="body"
                  label={t.t('groups.task.work')}
                  hint={t.t('groups.page.markdownHint')}
                  rows={12}
                  maxLength={PAGE_MAX}
                  value={conflict ? conflict.yours : (work?.body ?? '')}
                  errors={errors}
                />
                <button type="submit">{t.t('groups.task.save')}</button>{' '}
                <button type="submit" name="submit" value="1" class="secondary">
                  {t.t('groups.task.submit')}
                </button>
              </form>
            </>
          )}
        </section>
      ))}
    </GroupFrame>
  );
}
