import { Csrf, ErrorSummary, LocalizedFields } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { SUMMARY_MAX_LENGTH, TITLE_MAX_LENGTH } from '../programmes.schemas.js';

export function ThemeFormPage({
  ctx,
  slug,
  values,
  errors = {},
}: {
  ctx: PageContext;
  slug: string;
  values: Record<string, string | undefined>;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('theme.edit')}>
      <p>
        <a href="/manage">{t.t('manage.back')}</a>
      </p>
      <h1>{t.t('theme.edit')}</h1>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={`/manage/themes/${slug}/edit`} class="stack" novalidate>
        <Csrf token={ctx.csrf} />
        <LocalizedFields
          t={t}
          name="name"
          legend={t.t('theme.name')}
          hint={t.t('form.oneLanguageRequired')}
          values={values}
          errors={errors}
          maxLength={TITLE_MAX_LENGTH}
        />
        <LocalizedFields
          t={t}
          name="description"
          legend={t.t('theme.description')}
          values={values}
          errors={errors}
          maxLength={SUMMARY_MAX_LENGTH}
          multiline
        />
        <button type="submit">{t.t('form.save')}</button>
      </form>
    </Layout>
  );
}
