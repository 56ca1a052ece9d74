import { renderToString } from 'preact-render-to-string';
import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, ErrorSummary, Pagination, SelectField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { KeptHtml } from '../../../web/render.js';
import { renderedOnceWithToken } from '../../../web/rendered-once.js';
import { ALLOCATION_METHODS, type AllocationOutcome } from '../allocation/allocate-markers.js';
import { BULK_ACTIONS, type BulkOutcome } from '../change-states.js';
import type { ContextOverview } from '../get-marking-views.js';
import { MARKING_STATES } from '../workflow.js';

import { AllocationReport, languageLabel } from './marker-languages.js';
import { MarksCell, mark } from './marking-pages.js';

/** What a bulk change did: how many moved, and each refused submission by number with the reason. */
function BulkReport({ t, bulk }: { t: Translator; bulk: BulkOutcome }) {
  return (
    <section class="notice" role="status" aria-labelledby="bulk-report">
      <h2 id="bulk-report">
        {t.t('marking.bulk.changed', {
          count: bulk.changed,
          action: t.t(`marking.action.${bulk.action}`),
        })}
      </h2>
      {bulk.refused.length ? (
        <>
          <p>{t.t('marking.bulk.refused', { count: bulk.refused.length })}</p>
          <ul>
            {bulk.refused.map((r) => (
              <li>
                {r.participant}: {t.t(`marking.bulk.reason.${r.reason}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The states with their counts, each a link that shows only that state. */
function StateFilter({ t, page, base }: { t: Translator; page: ContextOverview; base: string }) {
  return (
    <nav aria-label={t.t('marking.overview.byState')}>
      <ul>
        <li>
          <a href={base} aria-current={page.state === null ? 'page' : undefined}>
            {t.t('marking.overview.all', { count: page.total })}
          </a>
        </li>
        {MARKING_STATES.filter((state) => page.byState[state]).map((state) => (
          <li>
            <a href={`${base}?state=${state}`} aria-current={page.state === state ? 'page' : undefined}>
              {t.t(`marking.state.${state}`)} ({page.byState[state]})
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The staff overview of a context's submissions, a page at a time (filtered by state): states, markers,
 * marks, flags; bulk moves of the selected ones, allocation and release. Shown without errors, its body is
 * rendered once per kept contents (`page.kept`), language and what the reader may do, with the request's
 * CSRF token put in per request (`renderedOnceWithToken`): 25 rows and the markers' form cost more than the
 * rest of the request.
 */
export function ContextOverviewPage({
  ctx,
  page,
  errors = {},
  bulk = null,
  allocation = null,
}: {
  ctx: PageContext;
  page: ContextOverview;
  errors?: FieldMessages;
  bulk?: BulkOutcome | null;
  allocation?: AllocationOutcome | null;
}) {
  const { t } = ctx;
  const title = t.t('marking.overview.title', { course: page.title });
  const pristine = Object.keys(errors).length === 0;
  const variant = [t.locale, page.title, page.revealed, page.state, page.can.appoint, page.can.reveal].join(
    '|',
  );
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {bulk ? <BulkReport t={t} bulk={bulk} /> : null}
      {allocation ? <AllocationReport t={t} outcome={allocation} /> : null}
      {pristine ? (
        <KeptHtml
          html={renderedOnceWithToken(page.kept, variant, ctx.csrf, (token) =>
            renderToString(<OverviewBody t={t} csrf={token} page={page} errors={errors} />),
          )}
        />
      ) : (
        <OverviewBody t={t} csrf={ctx.csrf} page={page} errors={errors} />
      )}
    </Layout>
  );
}

/** Everything under the overview's title and reports: the list, the bulk, allocation and release forms. */
function OverviewBody({
  t,
  csrf,
  page,
  errors,
}: {
  t: Translator;
  csrf: string;
  page: ContextOverview;
  errors: FieldMessages;
}) {
  const base = `/marking/editions/${page.contextId}`;
  const pageHref = (n: number) => `${base}?${page.state ? `state=${page.state}&` : ''}page=${n}`;
  return (
    <>
      <p class="hint">{page.revealed ? t.t('marking.overview.revealed') : t.t('marking.overview.blind')}</p>
      <StateFilter t={t} page={page} base={base} />
      <form method="post" action={`${base}/bulk`}>
        <Csrf token={csrf} />
        <table>
          <caption>{t.t('marking.overview.submissions', { count: page.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('marking.bulk.select')}</th>
              <th scope="col">{t.t('marking.participant')}</th>
              <th scope="col">{t.t('marking.languages.column')}</th>
              <th scope="col">{t.t('marking.state.label')}</th>
              <th scope="col">{t.t('marking.overview.marks')}</th>
              <th scope="col">{t.t('marking.overview.agreed')}</th>
            </tr>
          </thead>
          <tbody>
            {page.submissions.map((s, i) => (
              <tr>
                <td>
                  <input
                    type="checkbox"
                    name="submissionIds"
                    value={s.id}
                    id={i === 0 ? 'field-submissionIds' : undefined}
                    aria-label={t.t('marking.bulk.selectOne', { participant: s.participant })}
                  />
                </td>
                <th scope="row">
                  <a href={`/marking/submissions/${s.id}`}>{s.participant}</a>
                </th>
                <td>{languageLabel(t, s.language)}</td>
                <td>{t.t(`marking.state.${s.state}`)}</td>
                <td>
                  <MarksCell t={t} s={s} />
                  {s.discrepant ? <strong>{t.t('marking.flagged')}</strong> : null}
                  {s.sampled ? <div>{t.t('marking.overview.sampled')}</div> : null}
                </td>
                <td>{mark(t, s.agreed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {errors.submissionIds ? (
          <p class="error" id="error-submissionIds">
            {errors.submissionIds}
          </p>
        ) : null}
        <SelectField
          name="bulkAction"
          label={t.t('marking.bulk.action')}
          value="start-review"
          options={BULK_ACTIONS.map((a) => ({ value: a, label: t.t(`marking.action.${a}`) }))}
          errors={errors}
        />
        <button type="submit">{t.t('marking.bulk.apply')}</button>
      </form>
      <Pagination t={t} page={page.page} pageCount={page.pageCount} href={pageHref} />
      <h2>{t.t('marking.overview.allocate')}</h2>
      <form method="post" action={`${base}/allocate`}>
        <Csrf token={csrf} />
        <fieldset>
          <legend>{t.t('marking.overview.markers')}</legend>
          {errors.markerIds ? (
            <p class="error" id="error-markerIds">
              {errors.markerIds}
            </p>
          ) : null}
          {page.markers.map((m, i) => (
            <label>
              <input
                type="checkbox"
                name="markerIds"
                value={m.id}
                id={i === 0 ? 'field-markerIds' : undefined}
              />{' '}
              {m.name}
              {m.languages.length
                ? ` (${m.languages.map((l) => t.t(`language.${l}`)).join(', ')})`
                : ` (${t.t('marking.languages.none')})`}
            </label>
          ))}
        </fieldset>
        <SelectField
          name="role"
          label={t.t('marking.overview.role')}
          value="first"
          options={['first', 'second'].map((r) => ({ value: r, label: t.t(`marking.role.${r}`) }))}
        />
        <SelectField
          name="method"
          label={t.t('marking.allocation.method')}
          value="even"
          options={ALLOCATION_METHODS.map((m) => ({ value: m, label: t.t(`marking.allocation.${m}`) }))}
          errors={errors}
        />
        <button type="submit">{t.t('marking.overview.allocateEvenly')}</button>
      </form>
      <form method="post" action={`${base}/release`}>
        <Csrf token={csrf} />
        <button type="submit">{t.t('marking.overview.releaseReady')}</button>
      </form>
      {page.can.appoint ? (
        <form method="post" action={`${base}/examiners`}>
          <Csrf token={csrf} />
          <SelectField
            name="personId"
            label={t.t('marking.overview.examiner')}
            value=""
            empty={t.t('marking.page.chooseMarker')}
            options={page.markers.map((m) => ({ value: m.id, label: m.name }))}
            errors={errors}
          />
          <button type="submit">{t.t('marking.overview.appoint')}</button>
        </form>
      ) : null}
      {page.can.reveal ? (
        <form method="post" action={`${base}/reveal`}>
          <Csrf token={csrf} />
          <button type="submit">{t.t('marking.overview.reveal')}</button>
        </form>
      ) : null}
    </>
  );
}
