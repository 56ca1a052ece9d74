import { Csrf, ErrorSummary, LocalizedFields, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { LONG_TEXT_MAX_LENGTH, SUMMARY_MAX_LENGTH, TITLE_MAX_LENGTH } from '../programmes.schemas.js';

interface Props {
  ctx: PageContext;
  slug: string;
  values: Record<string, string | undefined>;
  errors?: FieldMessages;
}

export function ProgrammeFormPage({ ctx, slug, values, errors = {} }: Props) {
  const { t } = ctx;
  const long = (name: string) => (
    <LocalizedFields
      t={t}
      name={name}
      legend={t.t(`programme.field.${name}`)}
      values={values}
      errors={errors}
      maxLength={LONG_TEXT_MAX_LENGTH}
      multiline
    />
  );
  return (
    <Layout ctx={ctx} title={t.t('programme.edit')}>
      <p>
        <a href={`/programmes/${slug}`}>{t.t('programme.back')}</a>
      </p>
      <h1>{t.t('programme.edit')}</h1>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={`/manage/programmes/${slug}/edit`} class="stack" novalidate>
        <Csrf token={ctx.csrf} />
        <LocalizedFields
          t={t}
          name="title"
          legend={t.t('programme.field.title')}
          hint={t.t('form.oneLanguageRequired')}
          values={values}
          errors={errors}
          maxLength={TITLE_MAX_LENGTH}
        />
        <LocalizedFields
          t={t}
          name="summary"
          legend={t.t('programme.field.summary')}
          values={values}
          errors={errors}
          maxLength={SUMMARY_MAX_LENGTH}
          multiline
        />
        {long('description')}
        {long('audience')}
        {long('eligibility')}
        {long('certification')}
        <TextField
          name="windowYears"
          type="number"
          label={t.t('programme.field.windowYears')}
          value={values.windowYears}
          errors={errors}
          min={1}
          max={20}
        />
        <TextField
          name="electivesRequired"
          type="number"
          label={t.t('programme.field.electivesRequired')}
          value={values.electivesRequired}
          errors={errors}
          min={0}
          max={20}
        />
        <TextField
          name="totalHours"
          type="number"
          label={t.t('programme.field.totalHours')}
          value={values.totalHours}
          errors={errors}
          min={1}
        />
        <TextField
          name="capstoneHours"
          type="number"
          label={t.t('programme.field.capstoneHours')}
          value={values.capstoneHours}
          errors={errors}
          min={0}
        />
        <button type="submit">{t.t('form.save')}</button>
      </form>
    </Layout>
  );
}
