import { renderToString } from 'preact-render-to-string';
import { countryName, countryOptions } from '../../../../i18n/countries.js';
import type { Locale, Translator } from '../../../../i18n/i18n.js';
import { pickLocalized } from '../../../../i18n/localized.js';
import { Pagination, SelectField } from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { PageContext } from '../../../../web/page-context.js';
import { KeptHtml } from '../../../../web/render.js';
import { renderedOnce } from '../../../../web/rendered-once.js';
import { CONSTITUENCIES } from '../../application.js';
import { ELIGIBILITY_FILTERS, QUEUE_STATUSES, type ReviewQueueQuery } from '../review.schemas.js';
import type { QueueItem, ReviewQueue } from '../review-queue.js';

/** The query string of a queue page, keeping its filters (and overriding some). */
export function queueHref(
  base: string,
  slug: string,
  query: Partial<ReviewQueueQuery>,
  changes: Partial<Record<keyof ReviewQueueQuery, string | number | undefined>> = {},
): string {
  const params = new URLSearchParams({ programme: slug });
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    if (key === 'page' && Number(value) === 1) continue;
    if (value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  return `${base}?${params}`;
}

/** An application's eligibility as a short badge (the automatic evaluation, or the manager's override). */
export function EligibilityBadge({
  t,
  item,
}: {
  t: Translator;
  item: Pick<QueueItem, 'eligible' | 'overridden'>;
}) {
  if (item.overridden) return <span class="badge status-reinstated">{t.t('review.badge.overridden')}</span>;
  if (item.eligible === null) return <span class="badge">{t.t('review.badge.notEvaluated')}</span>;
  return item.eligible ? (
    <span class="badge status-valid">{t.t('review.badge.eligible')}</span>
  ) : (
    <span class="badge status-withdrawn">{t.t('review.badge.notEligible')}</span>
  );
}

/** The review queue: every submitted application (managers) or the reader's assignments (reviewers). */
export function ReviewQueuePage({
  ctx,
  queue,
  base,
}: {
  ctx: PageContext;
  queue: ReviewQueue;
  base: string;
}) {
  const { t } = ctx;
  const q = queue.query;
  const slug = queue.programme.slug;
  const title = queue.mine ? t.t('review.queue.reviewerTitle') : t.t('review.queue.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{pickLocalized(queue.programme.title, ctx.locale).text}</p>
      {queue.can.export || queue.can.manageSettings ? (
        <p class="actions">
          {queue.can.export ? (
            <a href={queueHref('/manage/applications.csv', slug, q, { page: undefined })}>
              {t.t('review.queue.export')}
            </a>
          ) : null}
          {queue.can.manageSettings ? (
            <a href={`/manage/programmes/${slug}/admissions`}>{t.t('review.queue.settings')}</a>
          ) : null}
        </p>
      ) : null}
      <form method="get" action={base} class="filters" role="search" aria-label={t.t('review.queue.filters')}>
        <input type="hidden" name="programme" value={slug} />
        <SelectField
          name="status"
          label={t.t('review.queue.status')}
          value={q.status ?? ''}
          options={QUEUE_STATUSES.map((s) => ({ value: s, label: t.t(`admissions.status.${s}`) }))}
          empty={t.t('review.queue.anyStatus')}
        />
        <SelectField
          name="country"
          label={t.t('field.country')}
          value={q.country ?? ''}
          options={countryOptions(ctx.locale)}
          empty={t.t('review.queue.anyCountry')}
        />
        <SelectField
          name="constituency"
          label={t.t('field.constituency')}
          value={q.constituency ?? ''}
          options={CONSTITUENCIES.map((c) => ({ value: c, label: t.t(`constituency.${c}`) }))}
          empty={t.t('review.queue.anyConstituency')}
        />
        <SelectField
          name="eligibility"
          label={t.t('review.queue.eligibility')}
          value={q.eligibility ?? ''}
          options={ELIGIBILITY_FILTERS.map((e) => ({ value: e, label: t.t(`review.filter.${e}`) }))}
          empty={t.t('review.queue.anyEligibility')}
        />
        {queue.assessors.length > 0 ? (
          <SelectField
            name="reviewer"
            label={t.t('review.queue.reviewer')}
            value={q.reviewer ?? ''}
            options={queue.assessors.map((a) => ({ value: a.id, label: a.name }))}
            empty={t.t('review.queue.anyReviewer')}
          />
        ) : null}
        <SelectField
          name="direction"
          label={t.t('review.queue.order')}
          value={q.direction ?? 'desc'}
          options={[
            { value: 'desc', label: t.t('review.queue.newest') },
            { value: 'asc', label: t.t('review.queue.oldest') },
          ]}
        />
        <div class="filter-actions">
          <button type="submit">{t.t('form.filter')}</button>{' '}
          <a href={`${base}?programme=${slug}`}>{t.t('catalogue.clear')}</a>
        </div>
      </form>
      <p role="status">{t.t('review.queue.count', { count: queue.total })}</p>
      {queue.items.length === 0 ? (
        <p class="empty-state">{t.t('review.queue.empty')}</p>
      ) : (
        // The lines are kept per page (review-queue.ts) and rendered once per kept value and language.
        <KeptHtml
          html={renderedOnce(queue.items, `${ctx.locale}|${title}`, () =>
            renderToString(<QueueTable t={t} locale={ctx.locale} title={title} items={queue.items} />),
          )}
        />
      )}
      <Pagination
        t={t}
        page={queue.page}
        pageCount={queue.pageCount}
        href={(page) => queueHref(base, slug, q, { page })}
      />
    </Layout>
  );
}

/** The queue's lines as a table (rendered once per kept page and language). */
function QueueTable({
  t,
  locale,
  title,
  items,
}: {
  t: Translator;
  locale: Locale;
  title: string;
  items: readonly QueueItem[];
}) {
  return (
    <table>
      <caption class="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t.t('review.queue.applicant')}</th>
          <th scope="col">{t.t('field.country')}</th>
          <th scope="col">{t.t('field.constituency')}</th>
          <th scope="col">{t.t('review.queue.status')}</th>
          <th scope="col">{t.t('review.queue.eligibility')}</th>
          <th scope="col">{t.t('review.queue.submitted')}</th>
          <th scope="col">{t.t('review.queue.reviewers')}</th>
          <th scope="col">{t.t('review.queue.score')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr>
            <td>
              <a href={`/manage/applications/${item.id}`}>{item.applicantName}</a>
            </td>
            <td>{item.country ? countryName(item.country, locale) : ''}</td>
            <td>{item.constituency ? t.t(`constituency.${item.constituency}`) : ''}</td>
            <td>{t.t(`admissions.status.${item.status}`)}</td>
            <td>
              <EligibilityBadge t={t} item={item} />
            </td>
            <td>{item.submittedAt ? t.date(item.submittedAt) : ''}</td>
            <td>{t.number(item.reviewerCount)}</td>
            <td>
              {item.averageScore === null
                ? t.t('review.queue.notScored')
                : t.t('review.queue.average', {
                    average: t.number(item.averageScore),
                    count: item.scoreCount,
                  })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
