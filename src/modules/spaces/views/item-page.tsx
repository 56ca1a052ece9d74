import { pickLocalized } from '../../../i18n/localized.js';
import { Csrf, ErrorSummary } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { ItemPage } from '../get-item-page.js';
import { ItemState, Text } from './space-parts.js';

/** An item of the space: its body (from its kind), its state, "mark as done", previous and next. */
export function ItemPageView({
  ctx,
  page,
  errors = {},
}: {
  ctx: PageContext;
  page: ItemPage;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const base = `/spaces/${page.edition.id}`;
  const title = pickLocalized(page.item.title, ctx.locale).text;
  const learner = page.can.learn;
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumb" aria-label={t.t('spaces.item.breadcrumb')}>
        <a href={base}>
          <Text value={page.edition.courseTitle} locale={ctx.locale} />
        </a>{' '}
        › <Text value={page.section.title} locale={ctx.locale} />
      </nav>
      <article class="space-item">
        <h1>{title}</h1>
        <p>
          <small>
            {page.kindLabel ? `${t.t(page.kindLabel)} · ` : ''}
            <ItemState t={t} item={page.item} timeZone={page.timeZone} learner={learner} />
          </small>
        </p>
        <ErrorSummary t={t} errors={errors} />
        {learner && page.item.locked ? (
          <p class="notice">
            {page.waitsFor ? (
              <>
                {t.t('spaces.item.waitsFor')}{' '}
                <a href={`${base}/items/${page.waitsFor.id}`}>
                  <Text value={page.waitsFor.title} locale={ctx.locale} />
                </a>
              </>
            ) : (
              t.t('spaces.item.notOpenYet')
            )}
          </p>
        ) : page.kindLabel === null ? (
          <p class="notice">{t.t('spaces.item.kindUnavailable')}</p>
        ) : (
          page.body
        )}
        {page.can.markDone ? (
          <form method="post" action={`${base}/items/${page.item.id}/done`} class="no-print">
            <Csrf token={ctx.csrf} />
            <button type="submit">{t.t('spaces.item.markDone')}</button>
          </form>
        ) : null}
        {page.can.build ? (
          <p class="no-print">
            <a href={`${base}/build/items/${page.item.id}`}>{t.t('spaces.build.editItem')}</a>
          </p>
        ) : null}
      </article>
      <nav class="item-nav no-print" aria-label={t.t('spaces.item.navigation')}>
        <ul>
          {page.previous ? (
            <li>
              <a href={`${base}/items/${page.previous.id}`} rel="prev">
                ← <Text value={page.previous.title} locale={ctx.locale} />
              </a>
            </li>
          ) : null}
          <li>
            <a href={base}>{t.t('spaces.item.backHome')}</a>
          </li>
          {page.next ? (
            <li>
              <a href={`${base}/items/${page.next.id}`} rel="next">
                <Text value={page.next.title} locale={ctx.locale} /> →
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
    </Layout>
  );
}
