import { Csrf, describedBy, ErrorSummary, Field, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { OVERRIDE_SCOPES } from '../assignment.js';
import type { ManagePage } from '../get-manage-page.js';
import { Moment } from './assignment-parts.js';
import { ReferenceDocuments } from './reference-documents.js';
import { SimilarityResults, SimilarityScope } from './similarity-pairs.js';

/** Staff: who submitted (late flagged), each person's dates, overrides and extensions, reopening. */
export function ManagePageView({
  ctx,
  page,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  page: ManagePage;
  errors?: FieldMessages;
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  const base = `/assignments/${page.settings.id}`;
  const title = t.t('assignments.manage.title', { title: page.settings.title });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        <a href={base}>{t.t('assignments.manage.back')}</a>
      </p>
      <ErrorSummary t={t} errors={errors} />
      <table>
        <caption>{t.t('assignments.manage.people')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('assignments.manage.person')}</th>
            <th scope="col">{t.t('assignments.dates.dueAt')}</th>
            <th scope="col">{t.t('assignments.dates.cutoffAt')}</th>
            <th scope="col">{t.t('assignments.manage.latest')}</th>
            <th scope="col">{t.t('assignments.manage.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {page.people.map((p) => (
            <tr>
              <th scope="row">{p.name}</th>
              <td>
                <Moment t={t} iso={p.dates.dueAt} timeZone={page.timeZone} />
                {p.dates.source.dueAt !== 'default'
                  ? ` (${t.t(`assignments.source.${p.dates.source.dueAt}`)})`
                  : ''}
              </td>
              <td>
                <Moment t={t} iso={p.dates.cutoffAt} timeZone={page.timeZone} />
              </td>
              <td>
                {p.latest
                  ? `${t.t('assignments.attempt.title', { attempt: p.latest.attempt })} · ${p.latest.submittedAt ? t.dateTime(p.latest.submittedAt) : ''}${p.latest.late ? ` · ${t.t('assignments.attempt.late')}` : ''}${p.latest.reopened ? ` · ${t.t('assignments.manage.reopened')}` : ''}`
                  : t.t('assignments.manage.notSubmitted')}
              </td>
              <td>
                {p.latest && !p.latest.reopened ? (
                  <form method="post" action={`${base}/submissions/${p.latest.id}/reopen`}>
                    <Csrf token={ctx.csrf} />
                    <label>
                      {t.t('assignments.manage.reopenReason')}{' '}
                      <input name="reason" required maxLength={1000} />
                    </label>{' '}
                    <button type="submit">{t.t('assignments.manage.reopen')}</button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="bulk">{t.t('assignments.bulk.title')}</h2>
      <p>
        <a href={`${base}/submissions.zip`} download>
          {t.t('assignments.bulk.download')}
        </a>
      </p>
      <form method="post" action={`${base}/feedback-zip`} enctype="multipart/form-data" class="stacked">
        <Csrf token={ctx.csrf} />
        <Field
          name="file"
          label={t.t('assignments.bulk.feedbackZip')}
          errors={errors}
          hint={t.t('assignments.bulk.feedbackHint')}
        >
          <input
            type="file"
            {...describedBy('file', errors, t.t('assignments.bulk.feedbackHint'))}
            accept=".zip"
          />
        </Field>
        <button type="submit">{t.t('assignments.bulk.upload')}</button>
      </form>
      <h2 id="similarity">{t.t('assignments.similarity.title')}</h2>
      <SimilarityScope t={t} pdfText={page.pdfText} />
      <SimilarityResults t={t} result={page.similar} path={`${base}/manage`} anchor="similarity" />
      <ReferenceDocuments t={t} csrf={ctx.csrf} base={base} references={page.references} errors={errors} />
      <h2>{t.t('assignments.manage.overrides')}</h2>
      <ul>
        {page.overrides.map((o) => (
          <li>
            {t.t(`assignments.source.${o.scope}`)} · {o.name ?? o.group_id} · {t.t('assignments.dates.dueAt')}{' '}
            <Moment t={t} iso={o.due_at} timeZone={page.timeZone} />
            {o.reason ? ` · ${o.reason}` : ''}
          </li>
        ))}
      </ul>
      <form method="post" action={`${base}/overrides`}>
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="timeZone" value={page.timeZone} />
        <SelectField
          name="scope"
          label={t.t('assignments.manage.scope')}
          value={values.scope ?? 'extension'}
          options={OVERRIDE_SCOPES.map((s) => ({ value: s, label: t.t(`assignments.source.${s}`) }))}
          errors={errors}
        />
        <SelectField
          name="personId"
          label={t.t('assignments.manage.person')}
          value={values.personId ?? ''}
          empty={t.t('assignments.manage.choosePerson')}
          options={page.people.map((p) => ({ value: p.id, label: p.name }))}
          errors={errors}
        />
        <TextField
          name="groupId"
          label={t.t('assignments.manage.group')}
          value={values.groupId ?? ''}
          errors={errors}
          maxLength={64}
        />
        {(['opensAt', 'dueAt', 'cutoffAt'] as const).map((name) => (
          <TextField
            name={name}
            type="datetime-local"
            label={t.t(`assignments.dates.${name}`)}
            value={values[name] ?? ''}
            errors={errors}
          />
        ))}
        <TextField
          name="reason"
          label={t.t('assignments.manage.reason')}
          value={values.reason ?? ''}
          errors={errors}
          maxLength={1000}
        />
        <button type="submit">{t.t('assignments.manage.saveOverride')}</button>
      </form>
    </Layout>
  );
}
