import { LOCALES } from '../../../i18n/i18n.js';
import { Csrf, ErrorSummary } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { Builder } from '../get-builder.js';
import type { ViewSection } from '../space-view.js';
import { SectionFields } from './builder-page.js';

/** Changes a section's title and phase. */
export function SectionFormPage({
  ctx,
  builder,
  section,
  values,
  errors = {},
}: {
  ctx: PageContext;
  builder: Builder;
  section: ViewSection;
  values?: Record<string, string>;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const base = `/spaces/${builder.edition.id}`;
  const shown = values ?? {
    ...Object.fromEntries(LOCALES.map((l) => [`title.${l}`, section.title[l] ?? ''])),
    phase: section.phase ?? '',
  };
  return (
    <Layout ctx={ctx} title={t.t('spaces.build.editSection')}>
      <p class="breadcrumb">
        <a href={`${base}/build`}>{t.t('spaces.build.title')}</a>
      </p>
      <h1>{t.t('spaces.build.editSection')}</h1>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={`${base}/build/sections/${section.id}`} class="stack narrow" novalidate>
        <Csrf token={ctx.csrf} />
        <SectionFields ctx={ctx} values={shown} errors={errors} />
        <button type="submit">{t.t('form.save')}</button>
      </form>
    </Layout>
  );
}
