/** The public capstone library: search with filters, and an entry. */
import type { ComponentChildren } from 'preact';
import { countryOptions } from '../../../i18n/countries.js';
import { Pagination, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import { CAPSTONE_LANGUAGES, licenceUrl } from '../capstone.js';
import type { LibraryEntry } from '../library/get-library-entry.js';
import type { LibraryPage } from '../library/search-library.js';
import { country } from './capstone-parts.js';

/** The library's search page around its contents (the contents are kept, see capstones.web.tsx). */
export function LibrarySearchFrame({ ctx, children }: { ctx: PageContext; children: ComponentChildren }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('capstones.library.title')} description={t.t('capstones.library.intro')}>
      {children}
    </Layout>
  );
}

/**
 * The library's search contents: the same for every reader with the same language and search (nothing
 * about the reader), so they can be rendered once and kept.
 */
export function LibrarySearchContents({
  t,
  locale,
  page,
  themes,
}: {
  t: PageContext['t'];
  locale: PageContext['locale'];
  page: LibraryPage;
  themes: string[];
}) {
  const f = page.filter;
  const query = (p: number) =>
    `/library/capstones?${new URLSearchParams({ q: f.q, country: f.country, theme: f.theme, language: f.language, year: String(f.year), page: String(p) })}`;
  return (
    <>
      <h1>{t.t('capstones.library.title')}</h1>
      <p>{t.t('capstones.library.intro')}</p>
      <form method="get" action="/library/capstones" class="filters" role="search">
        <TextField
          type="search"
          name="q"
          label={t.t('capstones.library.search')}
          value={f.q}
          maxLength={200}
        />
        <SelectField
          name="country"
          label={t.t('capstones.field.country')}
          value={f.country}
          options={countryOptions(locale)}
          empty={t.t('capstones.library.any')}
        />
        <SelectField
          name="theme"
          label={t.t('capstones.library.theme')}
          value={f.theme}
          options={themes.map((x) => ({ value: x, label: x }))}
          empty={t.t('capstones.library.any')}
        />
        <SelectField
          name="language"
          label={t.t('capstones.field.language')}
          value={f.language}
          options={CAPSTONE_LANGUAGES.map((l) => ({ value: l, label: t.t(`capstones.language.${l}`) }))}
          empty={t.t('capstones.library.any')}
        />
        <TextField
          type="number"
          name="year"
          label={t.t('capstones.library.year')}
          value={f.year}
          min={2000}
          max={2100}
        />
        <button type="submit">{t.t('capstones.library.find')}</button>
      </form>
      <p role="status">{t.t('capstones.library.count', { count: page.total })}</p>
      <ul class="cards">
        {page.items.map((item) => (
          <li lang={item.language}>
            <h2>
              <a href={`/library/capstones/${item.id}`}>{item.title}</a>
            </h2>
            <p class="meta" lang={locale}>
              {country(t, item.country)} · {item.year} · {t.t(`capstones.language.${item.language}`)} ·{' '}
              {item.themes.join(', ')}
            </p>
            <p>{item.abstract.length > 400 ? `${item.abstract.slice(0, 400)}…` : item.abstract}</p>
          </li>
        ))}
      </ul>
      <Pagination t={t} page={page.page} pageCount={page.pages} href={query} />
    </>
  );
}

export function LibraryEntryPage({ ctx, entry }: { ctx: PageContext; entry: LibraryEntry }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={entry.title} description={entry.abstract.slice(0, 300)}>
      <p class="breadcrumb">
        <a href="/library/capstones">{t.t('capstones.library.title')}</a>
      </p>
      <h1 lang={entry.language}>{entry.title}</h1>
      <dl class="summary">
        <dt>{t.t('capstones.library.author')}</dt>
        <dd>{entry.author ?? t.t('capstones.library.anonymous')}</dd>
        <dt>{t.t('capstones.field.country')}</dt>
        <dd>{country(t, entry.country)}</dd>
        <dt>{t.t('capstones.field.themes')}</dt>
        <dd>{entry.themes.join(', ')}</dd>
        <dt>{t.t('capstones.field.language')}</dt>
        <dd>{t.t(`capstones.language.${entry.language}`)}</dd>
        <dt>{t.t('capstones.library.year')}</dt>
        <dd>{entry.year}</dd>
        <dt>{t.t('capstones.field.policyQuestion')}</dt>
        <dd lang={entry.language}>{entry.policyQuestion}</dd>
        <dt>{t.t('capstones.field.licence')}</dt>
        <dd>
          <a href={licenceUrl(entry.licence)} rel="license">
            {entry.licence.replaceAll('-', ' ')}
          </a>
        </dd>
      </dl>
      {Object.entries(entry.abstracts).map(([language, text]) => (
        <section lang={language}>
          <h2 lang={ctx.locale}>
            {t.t('capstones.page.abstractOther', { language: t.t(`capstones.language.${language}`) })}
          </h2>
          <p>{text}</p>
        </section>
      ))}
      <p>
        <a href={`/library/capstones/${entry.id}/document`}>
          {t.t('capstones.library.download', { type: entry.documentType.toUpperCase() })}
        </a>
      </p>
      {entry.diplomaUrl ? (
        <p>
          <a href={entry.diplomaUrl}>{t.t('capstones.library.diploma')}</a>
        </p>
      ) : null}
    </Layout>
  );
}
