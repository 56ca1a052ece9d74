/** The frame of the groups' pages: the site's layout and the edition's course space breadcrumb, as the space's pages. */
import type { ComponentChildren } from 'preact';
import type { LocalizedText } from '../../../i18n/localized.js';
import { ErrorSummary } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { Text } from '../../spaces/views/space-parts.js';

export function GroupFrame({
  ctx,
  editionId,
  courseTitle,
  title,
  errors = {},
  trail = [],
  children,
}: {
  ctx: PageContext;
  editionId: string;
  courseTitle: LocalizedText;
  title: string;
  errors?: FieldMessages;
  /** Links between the space and this page (e.g. the groups index, a group). */
  trail?: readonly { href: string; label: string }[];
  children: ComponentChildren;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumb" aria-label={t.t('groups.breadcrumb')}>
        <a href={`/spaces/${editionId}`}>
          <Text value={courseTitle} locale={ctx.locale} />
        </a>
        {trail.map((link) => (
          <>
            {' › '}
            <a href={link.href}>{link.label}</a>
          </>
        ))}
      </nav>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {children}
    </Layout>
  );
}

/** Both texts of a refused save: what was saved meanwhile and what the person typed (nothing was overwritten). */
export function ConflictBox({
  ctx,
  current,
  yours,
}: {
  ctx: PageContext;
  current: { version: number; body: string };
  yours: string;
}) {
  const { t } = ctx;
  return (
    <section class="card notice" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">{t.t('groups.conflict.title')}</h2>
      <p>{t.t('groups.conflict.explain', { version: current.version })}</p>
      <h3>{t.t('groups.conflict.theirs')}</h3>
      <pre class="conflict-text">{current.body}</pre>
      <h3>{t.t('groups.conflict.yours')}</h3>
      <pre class="conflict-text">{yours}</pre>
    </section>
  );
}
