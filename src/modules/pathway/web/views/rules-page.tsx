import { pickLocalized } from '../../../../i18n/localized.js';
import { Csrf, ErrorSummary, FormField, SelectField, TextArea } from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../../web/page-context.js';
import type { Programme } from '../../../programmes/programme.js';
import type { RulesPreview } from '../../preview-rule-version.js';
import type { RuleVersion } from '../../rule-versions.js';
import { REQUIREMENT_KINDS, requirementRowCount, rulesFormValues } from '../../rules-form.js';

type Values = Record<string, string | undefined>;

interface RulesPageProps {
  ctx: PageContext;
  programme: Programme;
  versions: RuleVersion[];
  values?: Values;
  errors?: FieldMessages;
  /** The effect of the form's rules on today's candidates, after "Preview". */
  preview?: RulesPreview | undefined;
}

/** What the preview found, in words. */
function PreviewPanel({ ctx, preview }: { ctx: PageContext; preview: RulesPreview }) {
  const { t } = ctx;
  return (
    <div class="notice" role="status" id="rules-preview">
      <h3>{t.t('rulesForm.preview.title')}</h3>
      <p>
        <strong>{t.t('rulesForm.preview.changes', { count: preview.changes })}</strong>{' '}
        {t.t('rulesForm.preview.of', { count: preview.candidates })}
      </p>
      {preview.byChange.length ? (
        <ul>
          {preview.byChange.map((c) => (
            <li>
              {t.t('rulesForm.preview.change', {
                count: c.count,
                from: t.t(`candidate.status.${c.from}`),
                to: t.t(`candidate.status.${c.to}`),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <p class="hint">{t.t('rulesForm.preview.nothingSaved')}</p>
    </div>
  );
}

/** One requirement row of the form. */
function RequirementRow({
  ctx,
  index,
  values,
  errors,
}: {
  ctx: PageContext;
  index: number;
  values: Values;
  errors: FieldMessages;
}) {
  const { t } = ctx;
  const at = (field: string) => `req.${index}.${field}`;
  const form = { t, values, errors };
  return (
    <fieldset class="stack">
      <legend>{t.t('rulesForm.requirement', { number: index + 1 })}</legend>
      <FormField form={form} name={at('id')} label="rulesForm.id" hint="rulesForm.idHint" maxLength={40} />
      <SelectField
        name={at('kind')}
        label={t.t('rulesForm.kind')}
        value={values[at('kind')] ?? 'course'}
        options={REQUIREMENT_KINDS.map((kind) => ({ value: kind, label: t.t(`rulesForm.kinds.${kind}`) }))}
        errors={errors}
      />
      <FormField form={form} name={at('courses')} label="rulesForm.courses" hint="rulesForm.coursesHint" />
      <FormField
        form={form}
        name={at('count')}
        type="number"
        label="rulesForm.count"
        hint="rulesForm.countHint"
        min={1}
      />
      <FormField form={form} name={at('after')} label="rulesForm.after" hint="rulesForm.afterHint" />
    </fieldset>
  );
}

/**
 * A programme's rule versions and the form for a new one: requirements, equivalences, window and hours,
 * a preview of the effect on today's candidates, and the JSON as an advanced view.
 */
export function RulesPage({
  ctx,
  programme,
  versions,
  values: posted,
  errors = {},
  preview,
}: RulesPageProps) {
  const { t } = ctx;
  const latest = versions[0];
  const values: Values = posted ?? (latest ? rulesFormValues(latest.rules) : { windowYears: '5' });
  const rows = requirementRowCount(values as Record<string, string>);
  const json = posted?.rules ?? (latest ? JSON.stringify(latest.rules, null, 2) : '');
  const form = { t, values, errors };
  return (
    <Layout ctx={ctx} title={t.t('rules.title')}>
      <p>
        <a href={`/manage/candidates?programme=${programme.slug}`}>{t.t('candidates.back')}</a>
      </p>
      <h1>{t.t('rules.title')}</h1>
      <p>{pickLocalized(programme.title, ctx.locale).text}</p>
      <p>{t.t('rules.intro')}</p>
      {versions.map((v) => (
        <details>
          <summary>
            {t.t('rules.versionSummary', { version: v.version, date: t.date(v.effectiveFrom, 'long') })}
            {v.note ? ` — ${v.note}` : ''}
          </summary>
          <pre>{JSON.stringify(v.rules, null, 2)}</pre>
        </details>
      ))}
      <h2>{t.t('rules.new')}</h2>
      <ErrorSummary t={t} errors={errors} />
      {preview ? <PreviewPanel ctx={ctx} preview={preview} /> : null}
      <form method="post" action={`/manage/programmes/${programme.slug}/rules`} class="stack" novalidate>
        <Csrf token={ctx.csrf} />
        <FormField form={form} name="effectiveFrom" type="date" label="rules.effectiveFrom" required />
        {errors.effectiveFrom && values.effectiveFrom ? (
          <label class="check">
            <input type="checkbox" name="confirmEarlier" value="1" /> {t.t('rulesForm.confirmEarlier')}
          </label>
        ) : null}
        <FormField form={form} name="note" label="rules.note" maxLength={500} />
        <FormField
          form={form}
          name="windowYears"
          type="number"
          label="rulesForm.windowYears"
          hint="rulesForm.windowYearsHint"
          min={1}
          max={20}
          required
        />
        <h3>{t.t('rulesForm.requirements')}</h3>
        <p class="hint">{t.t('rulesForm.requirementsHint')}</p>
        {Array.from({ length: rows }, (_, index) => (
          <RequirementRow ctx={ctx} index={index} values={values} errors={errors} />
        ))}
        <FormField
          form={form}
          name="equivalences"
          label="rulesForm.equivalences"
          hint="rulesForm.equivalencesHint"
          rows={3}
        />
        <FormField
          form={form}
          name="courseHours"
          label="rulesForm.courseHours"
          hint="rulesForm.courseHoursHint"
          rows={4}
        />
        <FormField form={form} name="capstoneHours" type="number" label="rulesForm.capstoneHours" min={0} />
        <FormField
          form={form}
          name="totalHours"
          type="number"
          label="rulesForm.totalHours"
          hint="rulesForm.totalHoursHint"
          min={0}
        />
        <div class="actions">
          <button type="submit" name="intent" value="preview" class="secondary">
            {t.t('rulesForm.previewButton')}
          </button>
          <button type="submit" name="intent" value="save">
            {t.t('rules.save')}
          </button>
        </div>
        <details open={Boolean(errors.rules)}>
          <summary>{t.t('rulesForm.advanced')}</summary>
          <p class="hint">{t.t('rulesForm.advancedHint')}</p>
          <TextArea
            name="rules"
            label={t.t('rules.json')}
            hint={t.t('rules.jsonHint')}
            value={json}
            errors={errors}
            rows={18}
          />
          <div class="actions">
            <button type="submit" name="intent" value="preview-json" class="secondary">
              {t.t('rulesForm.previewJson')}
            </button>
            <button type="submit" name="intent" value="save-json">
              {t.t('rulesForm.saveJson')}
            </button>
          </div>
        </details>
      </form>
    </Layout>
  );
}
