import { renderToString } from 'preact-render-to-string';
import { LOCALES, type Translator } from '../../../i18n/i18n.js';
import { Csrf, ErrorSummary, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { KeptHtml } from '../../../web/render.js';
import { renderedOnceWithToken } from '../../../web/rendered-once.js';
import type { RubricView } from '../rubrics/get-rubrics.js';
import { CRITERIA_MAX, REMARK_DECISIONS } from '../rubrics/rubric.js';

/** The rubric templates. */
export function RubricListPage({ ctx, rubrics }: { ctx: PageContext; rubrics: RubricView[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('marking.rubrics.title')}>
      <h1>{t.t('marking.rubrics.title')}</h1>
      <p>
        <a href="/marking/rubrics/new">{t.t('marking.rubrics.new')}</a>
      </p>
      <ul>
        {rubrics.map((r) => (
          <li>
            <a href={`/marking/rubrics/${r.id}`}>{r.title}</a> ·{' '}
            {t.t('marking.rubrics.version', { version: r.version })}
            {r.frozen ? ` · ${t.t('marking.rubrics.frozen')}` : ''}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

const ROWS = 6;

/**
 * A rubric's form: a title and up to 12 criteria (six rows shown, more when the rubric has more). A saved
 * rubric's form as it first shows (nothing typed, no errors) is rendered once per kept rubric and language
 * (`keptRubric`, `renderedOnceWithToken`): 12 fieldsets of fields cost more than the rest of the request.
 */
export function RubricFormPage({
  ctx,
  rubric,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  rubric: RubricView | null;
  values?: Record<string, string>;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const title = rubric ? rubric.title : t.t('marking.rubrics.new');
  const pristine = Object.keys(values).length === 0 && Object.keys(errors).length === 0;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {rubric?.frozen ? <p class="notice">{t.t('marking.rubrics.frozenHint')}</p> : null}
      <ErrorSummary t={t} errors={errors} />
      {rubric && pristine ? (
        <KeptHtml
          html={renderedOnceWithToken(rubric, t.locale, ctx.csrf, (token) =>
            renderToString(<RubricForm t={t} csrf={token} rubric={rubric} values={values} errors={errors} />),
          )}
        />
      ) : (
        <RubricForm t={t} csrf={ctx.csrf} rubric={rubric} values={values} errors={errors} />
      )}
    </Layout>
  );
}

function RubricForm({
  t,
  csrf,
  rubric,
  values,
  errors,
}: {
  t: Translator;
  csrf: string;
  rubric: RubricView | null;
  values: Record<string, string>;
  errors: FieldMessages;
}) {
  const rows = Math.min(CRITERIA_MAX, Math.max(ROWS, (rubric?.criteria.length ?? 0) + 2));
  const typed = Object.keys(values).length > 0;
  const v = (name: string, fallback: string) => (typed ? (values[name] ?? '') : fallback);
  return (
    <form method="post" action={rubric ? `/marking/rubrics/${rubric.id}` : '/marking/rubrics'}>
      <Csrf token={csrf} />
      {rubric?.frozen ? <RemarkDecision t={t} value={values.remark} errors={errors} /> : null}
      <TextField
        name="title"
        label={t.t('marking.rubrics.name')}
        value={v('title', rubric?.title ?? '')}
        errors={errors}
        required
        maxLength={200}
      />
      <p class="hint">{t.t('marking.rubrics.hint')}</p>
      {errors.criteria ? <p class="error">{errors.criteria}</p> : null}
      {Array.from({ length: rows }, (_, index) => {
        const i = index + 1;
        const c = rubric?.criteria.find((x) => x.id === `c${i}`);
        return (
          <fieldset>
            <legend>{t.t('marking.rubrics.criterion', { number: i })}</legend>
            <TextField
              name={`c${i}.title`}
              label={t.t('marking.rubrics.criterionTitle')}
              value={v(`c${i}.title`, c?.title ?? '')}
              errors={errors}
              maxLength={200}
            />
            {LOCALES.map((locale) => (
              <TextField
                name={`c${i}.title.${locale}`}
                label={t.t('marking.rubrics.criterionTitleIn', { language: t.t(`language.${locale}`) })}
                value={v(`c${i}.title.${locale}`, c?.titles?.[locale] ?? '')}
                errors={errors}
                maxLength={200}
              />
            ))}
            <TextField
              name={`c${i}.weight`}
              type="number"
              min={1}
              max={100}
              label={t.t('marking.rubrics.weight')}
              value={v(`c${i}.weight`, String(c?.weight ?? 1))}
              errors={errors}
            />
            <TextField
              name={`c${i}.maxPoints`}
              type="number"
              min={1}
              max={1000}
              label={t.t('marking.rubrics.maxPoints')}
              value={v(`c${i}.maxPoints`, String(c?.maxPoints ?? 10))}
              errors={errors}
            />
            <div class="field">
              <label for={`field-c${i}.levels`}>{t.t('marking.rubrics.levels')}</label>
              <textarea id={`field-c${i}.levels`} name={`c${i}.levels`} rows={3}>
                {v(`c${i}.levels`, (c?.levels ?? []).map((l) => `${l.label} = ${l.points}`).join('\n'))}
              </textarea>
            </div>
          </fieldset>
        );
      })}
      <button type="submit">{t.t('marking.rubrics.save')}</button>
    </form>
  );
}

/** Editing a rubric that marks use: keep the marks on their version, or re-mark on the new one. */
function RemarkDecision({
  t,
  value,
  errors,
}: {
  t: Translator;
  value?: string | undefined;
  errors: FieldMessages;
}) {
  const error = errors.remark;
  return (
    <fieldset
      id="field-remark"
      class={error ? 'field has-error' : 'field'}
      aria-describedby={error ? 'error-remark' : undefined}
    >
      <legend>{t.t('marking.remark.legend')}</legend>
      {error ? (
        <p class="error" id="error-remark">
          {error}
        </p>
      ) : null}
      {REMARK_DECISIONS.map((decision) => (
        <label>
          <input type="radio" name="remark" value={decision} checked={value === decision} required />{' '}
          {t.t(`marking.remark.${decision}`)}
        </label>
      ))}
    </fieldset>
  );
}
