import { renderToString } from 'preact-render-to-string';
import { countryName, countryOptions } from '../../../../i18n/countries.js';
import { LOCALES } from '../../../../i18n/i18n.js';
import { pickLocalized } from '../../../../i18n/localized.js';
import { Pagination, SelectField } from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { PageContext } from '../../../../web/page-context.js';
import { KeptHtml } from '../../../../web/render.js';
import { renderedOnce } from '../../../../web/rendered-once.js';
import {
  AwardCell,
  AwardHeader,
  type ReadyListAward,
  ReadyListAwardForms,
} from '../../../credentials/web/views/ready-list-award.js';
import { CONSTITUENCIES } from '../../../identity/identity.schemas.js';
import type { CandidatesPage as Result } from '../../candidates/list-candidates.js';
import { CANDIDATE_STATUSES, type CandidateQuery } from '../../pathway.schemas.js';
import { requirementName, StatusBadge } from './pathway-components.js';

/** The query string of a candidates search, keeping the filters (and overriding some). */
export function candidatesHref(
  slug: string,
  query: Partial<CandidateQuery>,
  changes: Partial<Record<keyof CandidateQuery, string | number | undefined>> = {},
): string {
  const params = new URLSearchParams({ programme: slug });
  const merged: Record<string, unknown> = { ...query, ...changes };
  for (const [key, value] of Object.entries(merged)) {
    if (key === 'page' && Number(value) === 1) continue;
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  return `/manage/candidates?${params}`;
}

export function CandidatesPage({
  ctx,
  result,
  title,
  award,
}: {
  ctx: PageContext;
  result: Result;
  title: string;
  /** On the ready list: the diploma award forms (credentials module). */
  award?: ReadyListAward | undefined;
}) {
  const { t } = ctx;
  const q = result.query;
  const slug = result.programme.slug;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{pickLocalized(result.programme.title, ctx.locale).text}</p>
      <p class="actions">
        <a class="button" href={`/manage/candidates/new?programme=${slug}`}>
          {t.t('candidates.register')}
        </a>
        <a href={candidatesHref(slug, {}, { ready: '1' })}>{t.t('candidates.readyList')}</a>
        <a href={`/manage/programmes/${slug}/rules`}>{t.t('rules.title')}</a>
        <a href={`/manage/candidates.csv?${new URLSearchParams({ programme: slug })}`}>
          {t.t('candidates.export')}
        </a>
      </p>
      <form
        method="get"
        action="/manage/candidates"
        class="filters"
        role="search"
        aria-label={t.t('candidates.filters')}
      >
        <input type="hidden" name="programme" value={slug} />
        <div class="field wide">
          <label for="candidates-q">{t.t('people.search')}</label>
          <input id="candidates-q" name="q" type="search" value={q.q ?? ''} maxLength={100} />
        </div>
        <SelectField
          name="status"
          label={t.t('candidates.status')}
          value={q.status ?? ''}
          options={CANDIDATE_STATUSES.map((s) => ({ value: s, label: t.t(`candidate.status.${s}`) }))}
          empty={t.t('candidates.anyStatus')}
        />
        <SelectField
          name="deadlineWithinMonths"
          label={t.t('candidates.deadlineWithin')}
          value={q.deadlineWithinMonths === undefined ? '' : String(q.deadlineWithinMonths)}
          options={[3, 6, 12, 24].map((m) => ({
            value: String(m),
            label: t.t('candidates.months', { months: m }),
          }))}
          empty={t.t('candidates.anyDeadline')}
        />
        <SelectField
          name="country"
          label={t.t('field.country')}
          value={q.country ?? ''}
          options={countryOptions(ctx.locale)}
          empty={t.t('candidates.anyCountry')}
        />
        <SelectField
          name="constituency"
          label={t.t('field.constituency')}
          value={q.constituency ?? ''}
          options={CONSTITUENCIES.map((c) => ({ value: c, label: t.t(`constituency.${c}`) }))}
          empty={t.t('candidates.anyConstituency')}
        />
        <SelectField
          name="language"
          label={t.t('field.preferredLocale')}
          value={q.language ?? ''}
          options={LOCALES.map((l) => ({ value: l, label: t.t(`language.${l}`) }))}
          empty={t.t('catalogue.anyLanguage')}
        />
        <label class="check">
          <input type="checkbox" name="atRisk" value="1" checked={q.atRisk} /> {t.t('candidates.atRiskOnly')}
        </label>
        <label class="check">
          <input type="checkbox" name="ready" value="1" checked={q.ready} /> {t.t('candidates.readyOnly')}
        </label>
        <div class="filter-actions">
          <button type="submit">{t.t('form.filter')}</button>{' '}
          <a href={`/manage/candidates?programme=${slug}`}>{t.t('catalogue.clear')}</a>
        </div>
      </form>
      <p role="status">{t.t('candidates.count', { count: result.total })}</p>
      {award ? <ReadyListAwardForms ctx={ctx} award={award} /> : null}
      {award ? (
        <CandidatesTable ctx={ctx} result={result} title={title} award={award} />
      ) : (
        // Without award forms the table depends on the kept page only (list-candidates.ts): rendered once
        // per kept page, language and title.
        <KeptHtml
          html={renderedOnce(result.items, `${ctx.locale}|${title}`, () =>
            renderToString(<CandidatesTable ctx={ctx} result={result} title={title} award={undefined} />),
          )}
        />
      )}
      <Pagination
        t={t}
        page={result.page}
        pageCount={result.pageCount}
        href={(page) => candidatesHref(slug, q, { page })}
      />
    </Layout>
  );
}

/** The candidates of a page as a table (with the award column on the ready list). */
function CandidatesTable({
  ctx,
  result,
  title,
  award,
}: {
  ctx: PageContext;
  result: Result;
  title: string;
  award: ReadyListAward | undefined;
}) {
  const { t } = ctx;
  const q = result.query;
  const slug = result.programme.slug;
  /** A sortable column header: the link flips the direction; aria-sort says the current order. */
  const sortHeader = (sort: 'name' | 'deadline' | 'registered' | 'progress', label: string) => {
    const active = (q.sort ?? 'name') === sort;
    const direction = active && (q.direction ?? 'asc') === 'asc' ? 'desc' : 'asc';
    const current = active ? ((q.direction ?? 'asc') === 'asc' ? 'ascending' : 'descending') : undefined;
    return (
      <th scope="col" aria-sort={current}>
        <a href={candidatesHref(slug, q, { sort, direction, page: 1 })}>{label}</a>
      </th>
    );
  };
  return (
    <table class="candidates">
      <caption class="visually-hidden">{title}</caption>
      <thead>
        <tr>
          {sortHeader('name', t.t('field.fullName'))}
          <th scope="col">{t.t('field.country')}</th>
          <th scope="col">{t.t('candidates.status')}</th>
          {sortHeader('progress', t.t('candidates.progress'))}
          {sortHeader('deadline', t.t('candidates.deadline'))}
          {sortHeader('registered', t.t('candidates.registered'))}
          {award ? <AwardHeader ctx={ctx} /> : null}
        </tr>
      </thead>
      <tbody>
        {result.items.map((item) => (
          <tr>
            <td>
              <a href={`/manage/candidates/${item.id}`}>{item.fullName}</a>
            </td>
            <td>{item.country ? countryName(item.country, ctx.locale) : ''}</td>
            <td>
              <StatusBadge t={t} status={item.status} />
              {item.atRisk ? <strong class="risk-flag"> {t.t('candidates.atRisk')}</strong> : null}
              {item.awardable ? <strong class="ready-flag"> {t.t('candidates.ready')}</strong> : null}
            </td>
            <td>
              {item.requirements
                .map((r) =>
                  t.t('auditPages.requirementProgress', {
                    requirement: requirementName(t, r, r.courses, result.titles),
                    have: r.have,
                    needed: r.needed,
                  }),
                )
                .join(' · ')}
            </td>
            <td>{item.deadline ? t.date(item.deadline) : '—'}</td>
            <td>{t.date(item.registeredOn)}</td>
            {award ? <AwardCell ctx={ctx} candidacyId={item.id} name={item.fullName} award={award} /> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
