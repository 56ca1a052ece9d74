/** The staff page of a case: its texts and settings, news to release at set dates, answers and feedback. */
import { pickLocalized } from '../../../i18n/localized.js';
import {
  Csrf,
  ErrorSummary,
  LocalizedFields,
  localizedValues,
  SelectField,
  TextArea,
  TextField,
} from '../../../web/components.js';
import { DatedFields, LocalizedTexts, TimeZoneField } from '../../../web/dated-fields.js';
import { Layout } from '../../../web/layout.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import { Moment } from '../../../web/moment.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import {
  ANSWER_MODES,
  CONTEXT_MAX,
  DEBRIEF_MAX,
  FEEDBACK_MAX,
  QUESTIONS_MAX,
  RELEASE_MAX,
  RELEASE_TITLE_MAX,
} from '../case-study.js';
import type { CaseView } from '../get-case.js';

interface Props {
  ctx: PageContext;
  view: CaseView;
  timeZone: string;
  errors?: FieldMessages;
  values?: Record<string, string>;
  form?: string;
}

export function CaseManagePage({ ctx, view, timeZone, errors = {}, values = {}, form }: Props) {
  const { t } = ctx;
  const title = pickLocalized(view.item.title, ctx.locale).text;
  const base = `/cases/${view.item.id}`;
  const caseValues =
    form === 'case'
      ? values
      : {
          ...localizedValues('context', view.context),
          ...localizedValues('questions', view.questions),
          ...localizedValues('debrief', view.debrief ?? {}),
          answerMode: view.answerMode,
          groupSetId: view.groupSetId ?? '',
        };
  const news = form === 'news' ? values : {};
  return (
    <Layout ctx={ctx} title={t.t('cases.manage.title', { title })}>
      <p class="breadcrumb">
        <a href={`/spaces/${view.item.editionId}/items/${view.item.id}`}>{title}</a>
      </p>
      <h1>{t.t('cases.manage.title', { title })}</h1>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={base}>
        <Csrf token={ctx.csrf} />
        <LocalizedTexts
          t={t}
          texts={[
            { name: 'context', legend: t.t('cases.manage.context'), maxLength: CONTEXT_MAX, multiline: true },
            {
              name: 'questions',
              legend: t.t('cases.manage.questions'),
              maxLength: QUESTIONS_MAX,
              multiline: true,
            },
          ]}
          values={caseValues}
          errors={errors}
        />
        <SelectField
          name="answerMode"
          label={t.t('cases.manage.answerMode')}
          value={caseValues.answerMode ?? 'individual'}
          options={ANSWER_MODES.map((m) => ({ value: m, label: t.t(`cases.mode.${m}`) }))}
          errors={errors}
        />
        <SelectField
          name="groupSetId"
          label={t.t('cases.manage.groupSet')}
          value={caseValues.groupSetId ?? ''}
          empty="—"
          options={view.groupSets.map((s) => ({ value: s.id, label: s.name }))}
          errors={errors}
        />
        <TextField
          name="deadlineAt"
          type="datetime-local"
          label={t.t('cases.manage.deadline')}
          value={caseValues.deadlineAt}
          errors={errors}
        />
        <TimeZoneField
          label={t.t('cases.manage.timeZone')}
          value={values.timeZone}
          defaultZone={timeZone}
          errors={errors}
        />
        <LocalizedFields
          t={t}
          name="debrief"
          legend={t.t('cases.manage.debrief')}
          hint={t.t('cases.manage.debriefHint')}
          values={caseValues}
          errors={errors}
          multiline
          maxLength={DEBRIEF_MAX}
        />
        <button type="submit">{t.t('cases.manage.save')}</button>
      </form>
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t.t('cases.manage.documents')}</h2>
        <ul>
          {view.documents.map((d) => (
            <li>
              <a href={`${base}/documents/${d.id}`}>{d.title}</a> <small>({d.fileName})</small>
            </li>
          ))}
        </ul>
        <form method="post" action={`${base}/documents`} enctype="multipart/form-data">
          <Csrf token={ctx.csrf} />
          <TextField
            name="title"
            label={t.t('cases.manage.documentTitle')}
            value={form === 'document' ? values.title : ''}
            errors={errors}
            maxLength={200}
          />
          <p>
            <label for="field-file">{t.t('cases.manage.documentFile')}</label>{' '}
            <input
              id="field-file"
              type="file"
              name="file"
              accept=".pdf,.csv,.xlsx,.docx,.png,.jpg"
              required
            />
          </p>
          {errors.file ? <p class="error">{errors.file}</p> : null}
          <button type="submit">{t.t('cases.manage.addDocument')}</button>
        </form>
      </section>
      <section aria-labelledby="news-heading">
        <h2 id="news-heading">{t.t('cases.item.news')}</h2>
        <ul>
          {view.news.map((n) => (
            <li>
              {pickLocalized(n.title, ctx.locale).text} —{' '}
              <Moment t={t} iso={n.releaseAt} timeZone={timeZone} /> (
              {t.t(n.released ? 'cases.manage.released' : 'cases.manage.scheduled')})
            </li>
          ))}
        </ul>
        <form method="post" action={`${base}/news`}>
          <Csrf token={ctx.csrf} />
          <h3>{t.t('cases.manage.addNews')}</h3>
          <DatedFields
            t={t}
            texts={[
              { name: 'title', legend: t.t('cases.manage.newsTitle'), maxLength: RELEASE_TITLE_MAX },
              {
                name: 'body',
                legend: t.t('cases.manage.newsBody'),
                maxLength: RELEASE_MAX,
                multiline: true,
              },
            ]}
            moments={[{ name: 'releaseAt', label: t.t('cases.manage.releaseAt') }]}
            zoneLabel={t.t('cases.manage.timeZone')}
            defaultZone={timeZone}
            values={news}
            errors={errors}
          />
          <button type="submit">{t.t('cases.manage.addNews')}</button>
        </form>
      </section>
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t.t('cases.manage.answers', { count: view.answers.length })}</h2>
        {view.answers.map((a) => (
          <article class="card">
            <h3>{a.owner}</h3>
            <MarkdownBlock source={a.body} />
            <form method="post" action={`${base}/answers/${a.id}/feedback`}>
              <Csrf token={ctx.csrf} />
              <TextArea
                name="feedback"
                label={t.t('cases.manage.feedback')}
                value={a.feedback ?? ''}
                rows={4}
                maxLength={FEEDBACK_MAX}
              />
              <button type="submit">{t.t('cases.manage.saveFeedback')}</button>
            </form>
          </article>
        ))}
      </section>
    </Layout>
  );
}
