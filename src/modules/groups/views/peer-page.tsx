/** A member's peer-evaluation form: the criteria, and a score and a comment for each member (themselves too). */

import type { LocalizedText } from '../../../i18n/localized.js';
import { Csrf } from '../../../web/components.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { When } from '../../spaces/views/space-parts.js';
import type { PeerRatingForm } from '../peer-evaluations.js';
import { COMMENT_MAX } from '../peer-evaluations.js';
import { GroupFrame } from './group-frame.js';

export function PeerPage({
  ctx,
  form,
  courseTitle,
  timeZone,
  errors = {},
}: {
  ctx: PageContext;
  form: PeerRatingForm;
  courseTitle: LocalizedText;
  timeZone: string;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const open = form.state === 'open';
  return (
    <GroupFrame
      ctx={ctx}
      editionId={form.editionId}
      courseTitle={courseTitle}
      title={t.t('groups.peer.formTitle', { name: form.setName })}
      errors={errors}
      trail={[{ href: `/groups/${form.group.id}`, label: form.group.name }]}
    >
      <p>
        {t.t(`groups.peer.state.${form.state}`)} ({t.t('groups.peer.until')}{' '}
        <When t={t} iso={form.evaluation.closes_at} timeZone={timeZone} />)
      </p>
      <MarkdownBlock source={form.evaluation.criteria} />
      <p class="hint">{t.t('groups.peer.anonymous')}</p>
      <form method="post" action={`/groups/sets/${form.setId}/peer/ratings`}>
        <Csrf token={ctx.csrf} />
        {form.members.map((m) => (
          <fieldset>
            <legend>{m.self ? t.t('groups.peer.yourself', { name: m.fullName }) : m.fullName}</legend>
            <p>
              {[1, 2, 3, 4, 5].map((score) => (
                <label class="inline-choice">
                  <input
                    type="radio"
                    name={`score.${m.id}`}
                    value={String(score)}
                    checked={m.score === score}
                    required
                    disabled={!open}
                  />{' '}
                  {t.t('groups.peer.score', { score })}
                </label>
              ))}
            </p>
            <p>
              <label for={`comment-${m.id}`}>{t.t('groups.peer.comment')}</label>
              <textarea
                id={`comment-${m.id}`}
                name={`comment.${m.id}`}
                rows={2}
                maxLength={COMMENT_MAX}
                disabled={!open}
              >
                {m.comment}
              </textarea>
            </p>
          </fieldset>
        ))}
        {open ? <button type="submit">{t.t('groups.peer.submit')}</button> : null}
      </form>
    </GroupFrame>
  );
}
