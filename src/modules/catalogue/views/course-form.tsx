import { pickLocalized } from '../../../i18n/localized.js';
import {
  CheckboxGroup,
  Csrf,
  ErrorSummary,
  LocalizedFields,
  SelectField,
  TextField,
} from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { Programme, Theme } from '../../programmes/programme.js';
import {
  LONG_TEXT_MAX_LENGTH,
  SUMMARY_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from '../../programmes/programmes.schemas.js';
import { CREDENTIAL_TYPES, PROGRAMME_ROLES } from '../course.js';

/** The course form's values as strings (what the browser posts back). */
export type CourseFormValues = Record<string, string | string[] | undefined>;

interface Props {
  ctx: PageContext;
  /** Code of the course being edited; absent when creating. */
  editing?: string;
  values: CourseFormValues;
  errors?: FieldMessages;
  themes: Theme[];
  programmes: Programme[];
}

export function CourseFormPage({ ctx, editing, values, errors = {}, themes, programmes }: Props) {
  const { t } = ctx;
  const title = editing ? t.t('course.editTitle', { code: editing }) : t.t('course.new');
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const strings = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]),
  );
  const checkedThemes =
    values.themes === undefined ? [] : Array.isArray(values.themes) ? values.themes : [values.themes];
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <form
        method="post"
        action={editing ? `/manage/courses/${editing}/edit` : '/manage/courses/new'}
        class="stack"
        novalidate
      >
        <Csrf token={ctx.csrf} />
        <TextField
          name="code"
          label={t.t('course.code')}
          hint={t.t('course.codeHint')}
          value={text('code')}
          errors={errors}
          maxLength={16}
          required
        />
        <LocalizedFields
          t={t}
          name="title"
          legend={t.t('programme.field.title')}
          hint={t.t('form.oneLanguageRequired')}
          values={strings}
          errors={errors}
          maxLength={TITLE_MAX_LENGTH}
        />
        <LocalizedFields
          t={t}
          name="summary"
          legend={t.t('course.summary')}
          values={strings}
          errors={errors}
          maxLength={SUMMARY_MAX_LENGTH}
          multiline
        />
        <LocalizedFields
          t={t}
          name="description"
          legend={t.t('course.description')}
          values={strings}
          errors={errors}
          maxLength={LONG_TEXT_MAX_LENGTH}
          multiline
        />
        <TextField
          name="learningHours"
          type="number"
          label={t.t('course.learningHours')}
          value={text('learningHours')}
          errors={errors}
          min={1}
          max={2000}
          required
        />
        <SelectField
          name="credentialOnSuccess"
          label={t.t('course.credentialOnSuccess')}
          hint={t.t('course.credentialHint')}
          value={text('credentialOnSuccess') ?? 'achievement'}
          options={CREDENTIAL_TYPES.map((c) => ({ value: c, label: t.t(`credential.${c}`) }))}
          errors={errors}
        />
        <CheckboxGroup
          name="themes"
          legend={t.t('course.themes')}
          options={themes.map((theme) => ({
            value: theme.slug,
            label: pickLocalized(theme.name, ctx.locale).text,
          }))}
          checked={checkedThemes}
          errors={errors}
        />
        {programmes.map((programme) => (
          <SelectField
            name={`programme.${programme.slug}`}
            label={t.t('course.roleIn', { programme: pickLocalized(programme.title, ctx.locale).text })}
            value={text(`programme.${programme.slug}`) ?? ''}
            options={PROGRAMME_ROLES.map((r) => ({ value: r, label: t.t(`course.role.${r}`) }))}
            empty={t.t('course.role.none')}
            errors={errors}
          />
        ))}
        <TextField
          name="countsAs"
          label={t.t('course.countsAs')}
          hint={t.t('course.countsAsHint')}
          value={text('countsAs')}
          errors={errors}
          maxLength={400}
        />
        <button type="submit">{t.t('form.save')}</button>
      </form>
    </Layout>
  );
}
