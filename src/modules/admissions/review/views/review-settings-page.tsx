import { pickLocalized } from '../../../../i18n/localized.js';
import {
  CheckboxGroup,
  Csrf,
  describedBy,
  ErrorSummary,
  Field,
  SelectField,
  TextField,
} from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../../web/page-context.js';
import type { Programme } from '../../../programmes/programme.js';
import { CRITERION_LABEL_MAX, CRITERION_MAX_SCORE } from '../../admission-settings.js';
import {
  APPLICANT_LANGUAGES,
  DEGREES,
  FIELDS_OF_STUDY,
  LANGUAGE_LEVELS,
  YEARS_MAX,
} from '../../application.js';
import { formRowCounts, type SettingsFormValues } from '../review-settings.js';

interface Props {
  ctx: PageContext;
  programme: Programme;
  values: SettingsFormValues;
  errors?: FieldMessages;
  updatedAt: string | null;
}

const text = (values: SettingsFormValues, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
const list = (values: SettingsFormValues, name: string) => {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : v ? [v] : [];
};

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Managers: a programme's admissions (open or closed, closing day, eligibility rules, review criteria). */
export function ReviewSettingsPage({ ctx, programme, values, errors = {}, updatedAt }: Props) {
  const { t } = ctx;
  const title = t.t('review.settings.title', { programme: pickLocalized(programme.title, ctx.locale).text });
  const rows = formRowCounts(values);
  const languageOptions = APPLICANT_LANGUAGES.map((code) => ({
    value: code,
    label: languageName(code, ctx.locale),
  }));
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/manage/applications?programme=${programme.slug}`}>{t.t('review.page.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="hint">
        {updatedAt
          ? t.t('review.settings.updated', { date: t.dateTime(updatedAt) })
          : t.t('review.settings.defaults')}
      </p>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={`/manage/programmes/${programme.slug}/admissions`}>
        <Csrf token={ctx.csrf} />
        <fieldset>
          <legend>{t.t('review.settings.opening')}</legend>
          <label class="check">
            <input type="checkbox" name="open" value="on" checked={text(values, 'open') === 'on'} />{' '}
            {t.t('review.settings.open')}
          </label>
          <TextField
            name="closesOn"
            type="date"
            label={t.t('review.settings.closesOn')}
            value={text(values, 'closesOn')}
            errors={errors}
          />
        </fieldset>
        <fieldset>
          <legend>{t.t('review.settings.eligibility')}</legend>
          <TextField
            name="eligibility.minYearsExperience"
            type="number"
            min={0}
            max={YEARS_MAX}
            label={t.t('review.settings.minYears')}
            hint={t.t('review.settings.emptyNoRule')}
            value={text(values, 'eligibility.minYearsExperience')}
            errors={errors}
          />
          <SelectField
            name="eligibility.minDegree"
            label={t.t('review.settings.minDegree')}
            value={text(values, 'eligibility.minDegree')}
            options={DEGREES.map((d) => ({ value: d, label: t.t(`admissions.degree.${d}`) }))}
            empty={t.t('review.settings.anyDegree')}
            errors={errors}
          />
          <CheckboxGroup
            name="eligibility.fieldsOfStudy"
            legend={t.t('review.settings.fields')}
            options={FIELDS_OF_STUDY.map((f) => ({ value: f, label: t.t(`admissions.field.${f}`) }))}
            checked={list(values, 'eligibility.fieldsOfStudy')}
            errors={errors}
          />
          {errors['eligibility.languages'] ? (
            <p class="error" id="field-eligibility.languages">
              {errors['eligibility.languages']}
            </p>
          ) : null}
          {Array.from({ length: rows.languages }, (_, i) => {
            const anyOf = `eligibility.languages.${i}.anyOf`;
            const chosen = list(values, anyOf);
            return (
              <fieldset>
                <legend>{t.t('review.settings.languageRow', { n: i + 1 })}</legend>
                <Field
                  name={anyOf}
                  label={t.t('review.settings.anyOf')}
                  errors={errors}
                  hint={t.t('review.settings.anyOfHint')}
                >
                  <select {...describedBy(anyOf, errors, 'hint')} multiple size={6}>
                    {languageOptions.map((o) => (
                      <option value={o.value} selected={chosen.includes(o.value)}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </Field>
                <SelectField
                  name={`eligibility.languages.${i}.minLevel`}
                  label={t.t('review.settings.minLevel')}
                  value={text(values, `eligibility.languages.${i}.minLevel`) || 'advanced'}
                  options={LANGUAGE_LEVELS.map((l) => ({ value: l, label: t.t(`admissions.level.${l}`) }))}
                  errors={errors}
                />
              </fieldset>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>{t.t('review.settings.criteria')}</legend>
          <p class="hint">{t.t('review.settings.criteriaHint')}</p>
          {errors.criteria ? (
            <p class="error" id="field-criteria">
              {errors.criteria}
            </p>
          ) : null}
          {Array.from({ length: rows.criteria }, (_, i) => (
            <fieldset>
              <legend>{t.t('review.settings.criterionRow', { n: i + 1 })}</legend>
              <TextField
                name={`criteria.${i}.id`}
                label={t.t('review.settings.criterionId')}
                value={text(values, `criteria.${i}.id`)}
                maxLength={40}
                errors={errors}
              />
              {(['en', 'fr', 'es'] as const).map((locale) => (
                <TextField
                  name={`criteria.${i}.label.${locale}`}
                  label={t.t('review.settings.criterionLabel', { language: t.t(`language.${locale}`) })}
                  value={text(values, `criteria.${i}.label.${locale}`)}
                  maxLength={CRITERION_LABEL_MAX}
                  lang={locale}
                  errors={errors}
                />
              ))}
              <TextField
                name={`criteria.${i}.maxScore`}
                type="number"
                min={1}
                max={CRITERION_MAX_SCORE}
                label={t.t('review.settings.maxScore')}
                value={text(values, `criteria.${i}.maxScore`)}
                errors={errors}
              />
            </fieldset>
          ))}
        </fieldset>
        <button type="submit">{t.t('review.settings.save')}</button>
      </form>
    </Layout>
  );
}
