import { TEACHING_LANGUAGES } from '../../../i18n/languages.js';
import { Csrf, describedBy, ErrorSummary, Field, SelectField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { TEXT_MAX } from '../assignment.js';
import { CONTRIBUTION_MAX } from '../assignments.schemas.js';
import type { AssignmentPage } from '../get-assignment-page.js';
import { AssignmentAbout, AssignmentTitle, KeptIntro, KeptLimits } from './assignment-kept-parts.js';
import { Moment, ReleasedFeedback } from './assignment-parts.js';

/** The assignment for a participant: instructions, own dates, limits, rubric, draft, submit, attempts. */
export function AssignmentPageView({
  ctx,
  page,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  page: AssignmentPage;
  errors?: FieldMessages;
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  const s = page.settings;
  const base = `/assignments/${s.id}`;
  const draft = page.draft;
  const mb = Math.round(s.maxFileBytes / 1048576);
  return (
    <Layout ctx={ctx} title={s.title}>
      {Object.keys(errors).length === 0 ? (
        <KeptIntro t={t} page={page} />
      ) : (
        <>
          <AssignmentTitle t={t} settings={s} />
          <ErrorSummary t={t} errors={errors} />
          <AssignmentAbout t={t} settings={s} manage={page.can.manage} />
        </>
      )}
      <h2>{t.t('assignments.page.dates')}</h2>
      <dl class="dates">
        {(['opensAt', 'dueAt', 'cutoffAt'] as const).map((field) => (
          <>
            <dt>{t.t(`assignments.dates.${field}`)}</dt>
            <dd>
              <Moment t={t} iso={page.dates[field]} timeZone={page.timeZone} />
              {page.dates.source[field] !== 'default'
                ? ` (${t.t(`assignments.source.${page.dates.source[field]}`)})`
                : ''}
            </dd>
          </>
        ))}
      </dl>
      <p class="hint">{t.t('assignments.page.timeZone', { zone: page.timeZone })}</p>
      <p class="hint">
        {t.t('assignments.page.calendarFeed')}{' '}
        <a href="/account/calendar">{t.t('assignments.page.calendarLink')}</a>
      </p>
      <p class="notice">{t.t(`assignments.timing.${page.timing}`)}</p>
      <KeptLimits t={t} page={page} />
      {draft || (page.can.submit && page.attempts.length === 0) ? (
        <section>
          <h2>{t.t('assignments.page.yourWork', { attempt: draft?.row.attempt ?? 1 })}</h2>
          <form method="post" action={`${base}/draft`} id="assignment-draft">
            <Csrf token={ctx.csrf} />
            {s.acceptsText ? (
              <Field
                name="text"
                label={t.t('assignments.page.text')}
                errors={errors}
                hint={t.t('assignments.page.textHint')}
              >
                <textarea
                  {...describedBy('text', errors, t.t('assignments.page.textHint'))}
                  rows={16}
                  maxLength={TEXT_MAX}
                >
                  {values.text ?? draft?.row.text ?? ''}
                </textarea>
              </Field>
            ) : null}
            <SelectField
              name="language"
              label={t.t('assignments.page.language')}
              hint={t.t('assignments.page.languageHint')}
              value={values.language ?? page.workLanguage}
              options={TEACHING_LANGUAGES.map((l) => ({ value: l, label: t.t(`language.${l}`) }))}
              errors={errors}
            />
            <div class={errors.declared ? 'field has-error' : 'field'}>
              {errors.declared ? (
                <p class="error" id="error-declared">
                  {errors.declared}
                </p>
              ) : null}
              <label>
                <input
                  type="checkbox"
                  id="field-declared"
                  name="declared"
                  checked={
                    values.declared !== undefined ? values.declared === 'on' : draft?.row.declared === 1
                  }
                />{' '}
                {t.t('assignments.page.declaration')}
              </label>
            </div>
            <p
              class="hint"
              aria-live="polite"
              data-autosave-status=""
              data-saving={t.t('assignments.autosave.saving')}
              data-saved={t.t('assignments.autosave.saved')}
              data-failed={t.t('assignments.autosave.failed')}
            />
            <button type="submit">{t.t('assignments.page.saveDraft')}</button>{' '}
            {page.can.submit ? (
              <button type="submit" formaction={`${base}/submit`}>
                {t.t('assignments.page.submit')}
              </button>
            ) : null}
          </form>
          {/* Saves the draft as the participant types; the form works without it. */}
          <script src="/static/assignment-autosave.js" defer />
          {s.acceptsFiles && page.can.submit ? (
            <>
              <h3>{t.t('assignments.page.files')}</h3>
              {draft?.files.length ? (
                <ul>
                  {draft.files.map((f) => (
                    <li>
                      <a href={`${base}/submissions/${draft.row.id}/files/${f.id}`}>{f.original_name}</a> (
                      {t.t('assignments.page.size', { kb: Math.ceil(f.size_bytes / 1024) })}){' '}
                      <form method="post" action={`${base}/files/${f.id}/remove`} class="inline">
                        <Csrf token={ctx.csrf} />
                        <button type="submit">
                          {t.t('assignments.page.removeFile', { name: f.original_name })}
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t.t('assignments.page.noFiles')}</p>
              )}
              <form method="post" action={`${base}/files`} enctype="multipart/form-data">
                <Csrf token={ctx.csrf} />
                <Field
                  name="file"
                  label={t.t('assignments.page.chooseFile')}
                  errors={errors}
                  hint={t.t('assignments.page.fileHint', {
                    types: s.fileTypes.join(', ').toUpperCase(),
                    size: mb,
                    count: s.maxFiles,
                  })}
                >
                  <input
                    {...describedBy('file', errors, 'x')}
                    type="file"
                    accept={s.fileTypes.map((x) => `.${x}`).join(',')}
                  />
                </Field>
                <button type="submit">{t.t('assignments.page.upload')}</button>
              </form>
            </>
          ) : null}
        </section>
      ) : null}
      {page.group ? <GroupContributions ctx={ctx} page={page} errors={errors} values={values} /> : null}
      {page.can.startAttempt ? (
        <form method="post" action={`${base}/attempts`}>
          <Csrf token={ctx.csrf} />
          <button type="submit">{t.t('assignments.page.newAttempt')}</button>
        </form>
      ) : null}
      {page.attempts.some((a) => a.row.status === 'submitted') ? (
        <section>
          <h2>{t.t('assignments.page.attempts')}</h2>
          {page.attempts
            .filter((a) => a.row.status === 'submitted')
            .reverse()
            .map((a) => (
              <article class="attempt">
                <h3>{t.t('assignments.attempt.title', { attempt: a.row.attempt })}</h3>
                <p class="receipt">
                  {t.t('assignments.attempt.receipt', {
                    time: a.row.submitted_at ? t.dateTime(a.row.submitted_at) : '',
                  })}{' '}
                  {a.row.late ? <strong>{t.t('assignments.attempt.late')}</strong> : null}
                  <br />
                  {t.t('assignments.attempt.digest')} <code>{a.row.digest}</code>
                </p>
                {a.row.text ? (
                  <details>
                    <summary>{t.t('assignments.page.text')}</summary>
                    <MarkdownBlock source={a.row.text} />
                  </details>
                ) : null}
                {a.files.length ? (
                  <ul>
                    {a.files.map((f) => (
                      <li>
                        <a href={`${base}/submissions/${a.row.id}/files/${f.id}`}>{f.original_name}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <ReleasedFeedback t={t} marking={a.marking} />
              </article>
            ))}
        </section>
      ) : null}
    </Layout>
  );
}

/** Group work: who hands in together, each member's contribution statement, and one's own statement form. */
function GroupContributions({
  ctx,
  page,
  errors,
  values,
}: {
  ctx: PageContext;
  page: AssignmentPage;
  errors: FieldMessages;
  values: Record<string, string>;
}) {
  const { t } = ctx;
  const group = page.group;
  if (!group) return null;
  const mine = group.members.find((m) => m.isMe);
  return (
    <section id="contribution">
      <h2>{t.t('assignments.group.title')}</h2>
      <p>
        {group.name
          ? t.t('assignments.group.together', { group: group.name })
          : t.t('assignments.group.alone')}
        {group.peerAdjustment ? ` ${t.t('assignments.group.peerAdjusted')}` : ''}
      </p>
      <ul>
        {group.members.map((m) => (
          <li>
            <strong>{m.name}</strong>: {m.statement ?? t.t('assignments.group.noStatement')}
          </li>
        ))}
      </ul>
      {page.can.submit ? (
        <form method="post" action={`/assignments/${page.settings.id}/contribution`}>
          <Csrf token={ctx.csrf} />
          <Field name="statement" label={t.t('assignments.group.statement')} errors={errors}>
            <textarea {...describedBy('statement', errors)} rows={4} maxLength={CONTRIBUTION_MAX}>
              {values.statement ?? mine?.statement ?? ''}
            </textarea>
          </Field>
          <button type="submit">{t.t('assignments.group.save')}</button>
        </form>
      ) : null}
    </section>
  );
}
