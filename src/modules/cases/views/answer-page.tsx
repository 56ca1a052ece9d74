/** The participant's (or their group's) answer to a case: the questions and one text box. */
import { pickLocalized } from '../../../i18n/localized.js';
import { Csrf, ErrorSummary, TextArea } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { ANSWER_MAX } from '../case-study.js';
import type { CaseView } from '../get-case.js';

export function AnswerPage({
  ctx,
  view,
  errors = {},
  typed,
}: {
  ctx: PageContext;
  view: CaseView;
  errors?: FieldMessages;
  typed?: string;
}) {
  const { t } = ctx;
  const title = pickLocalized(view.item.title, ctx.locale).text;
  const questions = pickLocalized(view.questions, ctx.locale).text;
  return (
    <Layout ctx={ctx} title={t.t('cases.answer.title', { title })}>
      <p class="breadcrumb">
        <a href={`/spaces/${view.item.editionId}/items/${view.item.id}`}>{title}</a>
      </p>
      <h1>{t.t('cases.answer.title', { title })}</h1>
      <ErrorSummary t={t} errors={errors} />
      {questions ? <MarkdownBlock source={questions} /> : null}
      {view.answerMode === 'group' ? (
        <p class="notice">{t.t('cases.answer.group', { group: view.myGroup ?? '—' })}</p>
      ) : null}
      <form method="post" action={`/cases/${view.item.id}/answer`}>
        <Csrf token={ctx.csrf} />
        <TextArea
          name="body"
          label={t.t('cases.answer.body')}
          value={typed ?? view.mine?.body ?? ''}
          errors={errors}
          rows={16}
          maxLength={ANSWER_MAX}
        />
        <button type="submit">{t.t('cases.answer.save')}</button>
      </form>
    </Layout>
  );
}
