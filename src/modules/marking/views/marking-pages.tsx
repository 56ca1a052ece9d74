import type { ComponentChildren, ComponentProps } from 'preact';
import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, describedBy, ErrorSummary, Field, Pagination, SelectField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { MarkingPage, MyMarking, SubmissionSummary } from '../get-marking-views.js';
import { criterionTitle, formatMark } from '../rubrics/rubric.js';
import { BankInsert, CommentBankSection, FeedbackFilesSection } from './comment-bank.js';
import { languageLabel, MarkerLanguagesSection } from './marker-languages.js';

export const mark = (t: Translator, hundredths: number | null) =>
  hundredths === null ? '—' : t.t('marking.percent', { mark: formatMark(hundredths) });

export function MarksCell({ t, s }: { t: Translator; s: SubmissionSummary }) {
  return (
    <>
      {s.marks.map((m) => (
        <div>
          {t.t(`marking.role.${m.role}`)}: {m.markerName} ·{' '}
          {m.completed ? mark(t, m.total) : t.t('marking.notCompleted')}
        </div>
      ))}
    </>
  );
}

/** A marker's list: the submissions allocated to them (the part kept and rendered once per language). */
export function MyMarkingList({ t, rows }: { t: Translator; rows: readonly SubmissionSummary[] }) {
  if (rows.length === 0) return <p>{t.t('marking.my.none')}</p>;
  return (
    <ul>
      {rows.map((s) => (
        <li>
          <a href={`/marking/submissions/${s.id}`}>{s.participant}</a> · {languageLabel(t, s.language)} ·{' '}
          {t.t(`marking.state.${s.state}`)} ·{' '}
          {s.marks[0]
            ? `${t.t(`marking.role.${s.marks[0].role}`)}: ${s.marks[0].completed ? mark(t, s.marks[0].total) : t.t('marking.notCompleted')}`
            : ''}
        </li>
      ))}
    </ul>
  );
}

/** A marker's own page: their list (`MyMarkingList`, given rendered), their languages, their comment bank. */
export function MyMarkingPage({
  ctx,
  mine,
  list,
  bank,
  languages,
}: {
  ctx: PageContext;
  mine: MyMarking;
  /** `MyMarkingList` of the page's rows, given rendered. */
  list: ComponentChildren;
  bank: ComponentProps<typeof CommentBankSection>;
  languages: ComponentProps<typeof MarkerLanguagesSection>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('marking.my.title')}>
      <h1>{t.t('marking.my.title')}</h1>
      {mine.pageCount > 1 ? <p>{t.t('marking.my.count', { count: mine.total })}</p> : null}
      {list}
      <Pagination
        t={t}
        page={mine.page}
        pageCount={mine.pageCount}
        href={(n) => (n === 1 ? '/marking/my' : `/marking/my?page=${n}`)}
      />
      <MarkerLanguagesSection {...languages} />
      <CommentBankSection {...bank} />
    </Layout>
  );
}

/** One submission: the rubric and one's own mark; for staff, both marks, allocation, review and release. */
export function MarkingPageView({
  ctx,
  page,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  page: MarkingPage;
  errors?: FieldMessages;
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  const s = page.submission;
  const base = `/marking/submissions/${s.id}`;
  const title = t.t('marking.page.title', { participant: s.participant });
  const own = page.own;
  const v = (name: string, fallback: string) => values[name] ?? fallback;
  const points = (id: string) => {
    const p = own?.scores[id]?.points;
    return p === undefined || p < 0 ? '' : formatMark(p);
  };
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        {t.t(`marking.state.${s.state}`)} · <a href={s.viewPath}>{t.t('marking.page.open')}</a>
      </p>
      <ErrorSummary t={t} errors={errors} />
      {own ? (
        <section>
          <h2>{t.t('marking.page.yourMark', { role: t.t(`marking.role.${own.role}`) })}</h2>
          {own.completed ? <p>{t.t('marking.page.completed', { mark: mark(t, own.total) })}</p> : null}
          {page.can.editMark ? (
            <form method="post" action={`${base}/mark`}>
              <Csrf token={ctx.csrf} />
              {/* Enter in a field saves (the form's first button), never adds a bank comment. */}
              {page.bank.length ? (
                <button type="submit" class="visually-hidden" tabindex={-1}>
                  {t.t('marking.page.save')}
                </button>
              ) : null}
              {page.criteria.length === 0 ? (
                <Field name="mark" label={t.t('marking.page.overallMark')} errors={errors}>
                  <input
                    {...describedBy('mark', errors)}
                    inputmode="decimal"
                    value={v('mark', own.total === null ? '' : formatMark(own.total))}
                  />
                </Field>
              ) : (
                page.criteria.map((c) => (
                  <fieldset>
                    <legend>
                      {t.t('marking.page.criterion', {
                        title: criterionTitle(c, t.locale),
                        weight: c.weight,
                        max: c.maxPoints,
                      })}
                    </legend>
                    {c.levels.length ? (
                      <p class="hint">{c.levels.map((l) => `${l.label} = ${l.points}`).join(' · ')}</p>
                    ) : null}
                    <Field name={`points.${c.id}`} label={t.t('marking.page.points')} errors={errors}>
                      <input
                        {...describedBy(`points.${c.id}`, errors)}
                        inputmode="decimal"
                        value={v(`points.${c.id}`, points(c.id))}
                      />
                    </Field>
                    <Field name={`comment.${c.id}`} label={t.t('marking.page.comment')} errors={errors}>
                      <textarea {...describedBy(`comment.${c.id}`, errors)} rows={3}>
                        {v(`comment.${c.id}`, own.scores[c.id]?.comment ?? '')}
                      </textarea>
                    </Field>
                    <BankInsert t={t} bank={page.bank} criterionId={c.id} action={`${base}/insert-comment`} />
                  </fieldset>
                ))
              )}
              <Field name="overall" label={t.t('marking.page.overall')} errors={errors}>
                <textarea {...describedBy('overall', errors)} rows={5}>
                  {v('overall', own.overall)}
                </textarea>
              </Field>
              <label>
                <input type="checkbox" name="complete" /> {t.t('marking.page.complete')}
              </label>{' '}
              <button type="submit">{t.t('marking.page.save')}</button>
            </form>
          ) : null}
        </section>
      ) : null}
      <FeedbackFilesSection
        t={t}
        csrf={ctx.csrf}
        files={page.feedbackFiles}
        action={`${base}/feedback-files`}
        canAdd={page.can.addFeedback}
        errors={errors}
      />
      {page.can.manage || page.can.examine ? (
        <section>
          <h2>{t.t('marking.page.moderation')}</h2>
          {page.can.examine && !page.can.manage ? (
            <p class="hint">{t.t('marking.page.examinerReadOnly')}</p>
          ) : null}
          {s.marks.map((m) => (
            <article>
              <h3>
                {t.t(`marking.role.${m.role}`)}: {m.markerName} ·{' '}
                {m.completed ? mark(t, m.total) : t.t('marking.notCompleted')}
              </h3>
              {page.criteria.map((c) => (
                <p>
                  {criterionTitle(c, t.locale)}:{' '}
                  {m.scores[c.id] && m.scores[c.id]!.points >= 0 ? formatMark(m.scores[c.id]!.points) : '—'}{' '}
                  {m.scores[c.id]?.comment ?? ''}
                </p>
              ))}
              {m.overall ? <p>{m.overall}</p> : null}
            </article>
          ))}
          {s.discrepant ? <p class="notice">{t.t('marking.page.flagged')}</p> : null}
          {s.agreed !== null ? (
            <p>
              {t.t('marking.page.agreed', { mark: mark(t, s.agreed) })} {s.agreedNote ?? ''}
            </p>
          ) : null}
          {page.can.manage &&
          ['not-marked', 'in-marking', 'ready-for-review', 'in-review'].includes(s.state) ? (
            <form method="post" action={`${base}/allocate`}>
              <Csrf token={ctx.csrf} />
              <SelectField
                name="markerId"
                label={t.t('marking.page.marker')}
                value=""
                empty={t.t('marking.page.chooseMarker')}
                options={page.markers.map((m) => ({ value: m.id, label: m.name }))}
                errors={errors}
              />
              <SelectField
                name="role"
                label={t.t('marking.overview.role')}
                value="first"
                options={(s.secondMarking ? ['first', 'second'] : ['first']).map((r) => ({
                  value: r,
                  label: t.t(`marking.role.${r}`),
                }))}
              />
              <button type="submit">{t.t('marking.page.allocate')}</button>
            </form>
          ) : null}
          {page.can.manage && (s.state === 'ready-for-review' || s.state === 'in-review') ? (
            <form method="post" action={`${base}/agree`}>
              <Csrf token={ctx.csrf} />
              <Field
                name="mark"
                label={t.t('marking.page.agreedMark')}
                errors={errors}
                hint={
                  s.proposed !== null
                    ? t.t('marking.page.proposed', { mark: formatMark(s.proposed) })
                    : undefined
                }
              >
                <input
                  {...describedBy('mark', errors, s.proposed !== null ? 'x' : undefined)}
                  inputmode="decimal"
                  value={v('mark', '')}
                />
              </Field>
              <Field name="note" label={t.t('marking.page.note')} errors={errors}>
                <textarea {...describedBy('note', errors)} rows={3}>
                  {v('note', '')}
                </textarea>
              </Field>
              <Field name="feedback" label={t.t('marking.page.feedback')} errors={errors}>
                <textarea {...describedBy('feedback', errors)} rows={4}>
                  {v('feedback', '')}
                </textarea>
              </Field>
              <button type="submit">{t.t('marking.page.agree')}</button>
            </form>
          ) : null}
          {(['start-review', 'return-to-marking', 'reopen-review'] as const).map((action) => {
            const allowed =
              (action === 'start-review' && s.state === 'ready-for-review') ||
              (action === 'return-to-marking' &&
                (s.state === 'ready-for-review' || s.state === 'in-review')) ||
              (action === 'reopen-review' && s.state === 'ready-for-release');
            return allowed && page.can.manage ? (
              <form method="post" action={`${base}/review`}>
                <Csrf token={ctx.csrf} />
                <input type="hidden" name="action" value={action} />
                <button type="submit">{t.t(`marking.action.${action}`)}</button>
              </form>
            ) : null;
          })}
          {page.can.manage && s.state === 'ready-for-release' ? (
            <form method="post" action={`${base}/release`}>
              <Csrf token={ctx.csrf} />
              <button type="submit">{t.t('marking.page.release')}</button>
            </form>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
