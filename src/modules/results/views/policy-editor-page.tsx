import { Csrf, ErrorSummary, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { formatHundredths } from '../decimal.js';
import { CERTIFICATE_CHOICES } from '../edition-policy.js';
import type { PolicyEditor } from '../get-policy-editor.js';
import { Title } from './result-parts.js';

/** The form's values: the saved policy's, or what was typed when it is shown again with errors. */
export function policyFormValues(editor: PolicyEditor): Record<string, string> {
  const policy = editor.current?.policy;
  const values: Record<string, string> = {
    passMark: policy ? formatHundredths(policy.passMark) : '60',
    requiredItemsComplete: policy?.gates.requiredItemsComplete === false ? '' : 'on',
    minAttendance: policy?.gates.minAttendance == null ? '' : formatHundredths(policy.gates.minAttendance),
    participationMinAttendance: policy?.participation.minAttendance
      ? formatHundredths(policy.participation.minAttendance)
      : '',
    achievementGives:
      policy?.gives.achievement ?? (editor.achievementAllowed ? 'achievement' : 'participation'),
    participationGives: policy?.gives.participation ?? 'participation',
  };
  for (const item of editor.items) {
    const component = policy?.components.find((c) => c.id === item.id);
    values[`components.${item.id}.weight`] = component ? String(component.weight) : '';
    values[`components.${item.id}.minMark`] =
      component?.minMark == null ? '' : formatHundredths(component.minMark);
    values[`components.${item.id}.cutoff`] =
      component?.cutoff ?? item.dueAt?.slice(0, 10) ?? editor.edition.endsOn;
  }
  return values;
}

/** The result policy editor: pass mark, gates, what each outcome gives, the weighted items. */
export function PolicyEditorPage({
  ctx,
  editor,
  values,
  errors = {},
}: {
  ctx: PageContext;
  editor: PolicyEditor;
  values: Record<string, string>;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const title = t.t('results.policy.title');
  const base = `/results/${editor.edition.id}`;
  const gives = CERTIFICATE_CHOICES.filter((c) => c !== 'achievement' || editor.achievementAllowed).map(
    (c) => ({
      value: c,
      label: t.t(`results.gives.${c}`),
    }),
  );
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href={base}>
          <Title value={editor.edition.courseTitle} locale={ctx.locale} /> — {t.t('results.book.title')}
        </a>
      </p>
      <h1>{title}</h1>
      <p>
        {editor.current
          ? t.t('results.policy.version', {
              version: editor.current.version,
              date: t.dateTime(editor.current.createdAt),
            })
          : t.t('results.policy.none')}
      </p>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={`${base}/policy`} novalidate>
        <Csrf token={ctx.csrf} />
        <TextField
          name="passMark"
          label={t.t('results.policy.passMark')}
          value={values.passMark}
          errors={errors}
          required
        />
        <div class="field">
          <label>
            <input
              type="checkbox"
              name="requiredItemsComplete"
              checked={values.requiredItemsComplete === 'on'}
            />{' '}
            {t.t('results.policy.requiredItemsComplete')}
          </label>
        </div>
        <TextField
          name="minAttendance"
          label={t.t('results.policy.minAttendance')}
          hint={t.t('results.policy.optionalHint')}
          value={values.minAttendance}
          errors={errors}
        />
        <TextField
          name="participationMinAttendance"
          label={t.t('results.policy.participationMinAttendance')}
          hint={t.t('results.policy.optionalHint')}
          value={values.participationMinAttendance}
          errors={errors}
        />
        <SelectField
          name="achievementGives"
          label={t.t('results.policy.achievementGives')}
          value={values.achievementGives}
          options={gives}
          errors={errors}
        />
        <SelectField
          name="participationGives"
          label={t.t('results.policy.participationGives')}
          value={values.participationGives}
          options={gives}
          errors={errors}
        />
        <fieldset>
          <legend>{t.t('results.policy.components')}</legend>
          <p class="hint" id="field-components">
            {t.t('results.policy.componentsHint')}
          </p>
          {errors.components ? <p class="error">{errors.components}</p> : null}
          {editor.items.length === 0 ? <p>{t.t('results.policy.noItems')}</p> : null}
          {editor.items.map((item) => (
            <fieldset class="inline-form">
              <legend>
                <Title value={item.title} locale={ctx.locale} fallback={item.id} />
              </legend>
              <TextField
                name={`components.${item.id}.weight`}
                label={t.t('results.policy.weight')}
                value={values[`components.${item.id}.weight`]}
                errors={errors}
              />
              <TextField
                name={`components.${item.id}.minMark`}
                label={t.t('results.policy.minMark')}
                value={values[`components.${item.id}.minMark`]}
                errors={errors}
              />
              <TextField
                name={`components.${item.id}.cutoff`}
                label={t.t('results.policy.cutoff')}
                value={values[`components.${item.id}.cutoff`]}
                errors={errors}
              />
            </fieldset>
          ))}
        </fieldset>
        <button type="submit">{t.t('results.policy.save')}</button>
      </form>
    </Layout>
  );
}
