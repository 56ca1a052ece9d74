import type { ComponentChildren } from 'preact';
import type { Translator } from '../../../i18n/i18n.js';
import { pickLocalized } from '../../../i18n/localized.js';
import { ErrorSummary, Localized, Pagination } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { Theme } from '../../programmes/programme.js';
import type { CatalogueQuery } from '../catalogue.schemas.js';
import { MODES, TEACHING_LANGUAGES } from '../course.js';
import type { CatalogueEntry, CataloguePage as CatalogueResult } from '../search-catalogue.js';
import { EditionsTable } from './edition-summary.js';

/** The query string of a catalogue search (for pagination links that keep the filters). */
export function catalogueHref(query: Partial<CatalogueQuery>, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'theme', 'language', 'mode', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.open) params.set('open', '1');
  if (query.retired) params.set('retired', '1');
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/courses?${text}` : '/courses';
}

interface Props {
  ctx: PageContext;
  result: CatalogueResult;
  themes: Theme[];
  /** The filters as typed, when some could not be used (shown again as they were). */
  typed?: Record<string, string>;
  /** What is wrong with them, by filter. */
  errors?: FieldMessages;
}

/** Filters behind "More filters" (the text search stays in view, so that results come first on phones). */
const FOLDED_FILTERS = ['theme', 'language', 'mode', 'from', 'to', 'open', 'retired'] as const;

/** The catalogue page: the frame around its contents. */
export function CataloguePage({ ctx, ...contents }: Props) {
  return (
    <CatalogueFrame ctx={ctx}>
      <CatalogueContents t={ctx.t} {...contents} />
    </CatalogueFrame>
  );
}

/** The frame of the catalogue page (the contents may come rendered already: see catalogue.web.tsx). */
export function CatalogueFrame({ ctx, children }: { ctx: PageContext; children: ComponentChildren }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('catalogue.title')} description={t.t('catalogue.intro')}>
      {children}
    </Layout>
  );
}

/** What the catalogue shows inside its frame: the same for every reader with the same query and rights. */
export function CatalogueContents({
  t,
  result,
  themes,
  typed,
  errors = {},
}: Omit<Props, 'ctx'> & { t: Translator }) {
  const canManage = result.can.manage;
  const ctx = { t, locale: t.locale };
  const q = { ...result.query, ...(typed ?? {}) } as CatalogueQuery & Record<string, unknown>;
  const folded = FOLDED_FILTERS.filter((key) => q[key] && q[key] !== '0');
  const error = (name: string) =>
    errors[name] ? (
      <p class="error" id={`error-${name}`}>
        {errors[name]}
      </p>
    ) : null;
  const invalid = (name: string) =>
    errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `error-${name}` } : {};
  return (
    <>
      <h1>{t.t('catalogue.title')}</h1>
      <p>{t.t('catalogue.intro')}</p>
      {canManage ? (
        <p class="actions">
          <a class="button" href="/manage/courses/new">
            {t.t('course.new')}
          </a>
        </p>
      ) : null}
      <ErrorSummary t={t} errors={errors} />
      <form
        method="get"
        action="/courses"
        class="filters"
        role="search"
        aria-label={t.t('catalogue.filters')}
      >
        <div class="field wide">
          <label for="field-q">{t.t('catalogue.search')}</label>
          {error('q')}
          <div class="search">
            <input id="field-q" name="q" type="search" value={q.q ?? ''} maxLength={200} {...invalid('q')} />
            <button type="submit">{t.t('form.filter')}</button>
          </div>
        </div>
        <details class="more-filters wide" open={folded.length > 0 || Object.keys(errors).length > 0}>
          <summary>{t.t('catalogue.moreFilters', { count: folded.length })}</summary>
          <div class="filters-grid">
            <div class="field">
              <label for="field-theme">{t.t('catalogue.theme')}</label>
              <select id="field-theme" name="theme">
                <option value="">{t.t('catalogue.anyTheme')}</option>
                {themes.map((theme) => (
                  <option value={theme.slug} selected={theme.slug === q.theme}>
                    {pickLocalized(theme.name, ctx.locale).text}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="field-language">{t.t('catalogue.language')}</label>
              <select id="field-language" name="language">
                <option value="">{t.t('catalogue.anyLanguage')}</option>
                {TEACHING_LANGUAGES.map((l) => (
                  <option value={l} selected={l === q.language}>
                    {t.t(`language.${l}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="field-mode">{t.t('catalogue.mode')}</label>
              <select id="field-mode" name="mode">
                <option value="">{t.t('catalogue.anyMode')}</option>
                {MODES.map((m) => (
                  <option value={m} selected={m === q.mode}>
                    {t.t(`mode.${m}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="field-from">{t.t('catalogue.from')}</label>
              {error('from')}
              <input id="field-from" name="from" type="date" value={q.from ?? ''} {...invalid('from')} />
            </div>
            <div class="field">
              <label for="field-to">{t.t('catalogue.to')}</label>
              {error('to')}
              <input id="field-to" name="to" type="date" value={q.to ?? ''} {...invalid('to')} />
            </div>
            <label class="check">
              <input type="checkbox" name="open" value="1" checked={q.open} /> {t.t('catalogue.openOnly')}
            </label>
            {canManage ? (
              <label class="check">
                <input type="checkbox" name="retired" value="1" checked={q.retired} />{' '}
                {t.t('catalogue.includeRetired')}
              </label>
            ) : null}
            <div class="filter-actions">
              <button type="submit">{t.t('form.filter')}</button>{' '}
              <a href="/courses">{t.t('catalogue.clear')}</a>
            </div>
          </div>
        </details>
      </form>
      <p role="status">{t.t('catalogue.count', { count: result.total })}</p>
      <ol class="course-list">
        {result.entries.map((entry) => (
          <CourseCard t={t} entry={entry} today={result.today} />
        ))}
      </ol>
      <Pagination
        t={t}
        page={result.page}
        pageCount={result.pageCount}
        href={(page) => catalogueHref(q, page)}
      />
    </>
  );
}

function CourseCard({ t, entry, today }: { t: Translator; entry: CatalogueEntry; today: string }) {
  const { course } = entry;
  const title = pickLocalized(course.title, t.locale);
  const summary = pickLocalized(course.summary, t.locale);
  return (
    <li class="card">
      <h2>
        <a href={`/courses/${course.code}`}>
          <Localized t={t} text={title} />
        </a>
      </h2>
      <p class="meta">
        <span>{course.code}</span> · <span>{t.t('course.hours', { hours: course.learningHours })}</span> ·{' '}
        <span>{t.t(`credential.${course.credentialOnSuccess}`)}</span>
        {course.status === 'retired' ? <strong> · {t.t('course.retired')}</strong> : null}
      </p>
      {summary.text ? <Localized t={t} text={summary} as="p" /> : null}
      <ul class="tags" aria-label={t.t('course.themes')}>
        {course.themes.map((theme) => (
          <li>{pickLocalized(theme.name, t.locale).text}</li>
        ))}
        {course.programmes.map((p) => (
          <li class="diploma">{t.t(`course.counts.${p.role}`)}</li>
        ))}
      </ul>
      {entry.editions.length ? (
        <EditionsTable
          t={t}
          editions={entry.editions}
          today={today}
          caption={t.t('catalogue.editionsOf', { code: course.code })}
        />
      ) : (
        <p class="muted">{t.t('catalogue.noEditions')}</p>
      )}
      {entry.moreEditions > 0 ? (
        <p>
          <a href={`/courses/${course.code}`}>
            {t.t('catalogue.moreEditions', { count: entry.moreEditions })}
          </a>
        </p>
      ) : null}
    </li>
  );
}
