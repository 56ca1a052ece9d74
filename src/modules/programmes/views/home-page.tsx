import { pickLocalized } from '../../../i18n/localized.js';
import { Localized } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import type { Programme } from '../programme.js';

/** The front page: the programmes, a catalogue search, and where to go next. */
export function HomePage({ ctx, programmes }: { ctx: PageContext; programmes: Programme[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('home.title')} description={t.t('home.intro')}>
      <h1>{t.t('home.title')}</h1>
      <p class="lead">{t.t('home.intro')}</p>
      <form method="get" action="/courses" class="search" role="search">
        <label for="home-q">{t.t('catalogue.search')}</label>
        <input id="home-q" name="q" type="search" maxLength={200} />
        <button type="submit">{t.t('home.searchButton')}</button>
      </form>
      <h2>{t.t('home.programmes')}</h2>
      <ul class="cards">
        {programmes.map((p) => (
          <li class="card">
            <h3>
              <a href={`/programmes/${p.slug}`}>
                <Localized t={t} text={pickLocalized(p.title, ctx.locale)} />
              </a>
            </h3>
            <Localized t={t} text={pickLocalized(p.summary, ctx.locale)} as="p" />
            <p class="meta">
              {t.t('programme.structure.window', { years: p.windowYears, hours: p.totalHours })}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a href="/courses?open=1">{t.t('home.openEditions')}</a>
      </p>
    </Layout>
  );
}

/** The programme managers' starting page. */
export function ManageHomePage({
  ctx,
  programmes,
  failedJobs,
}: {
  ctx: PageContext;
  programmes: Programme[];
  /** Background jobs that failed (a certificate not issued, a mail not sent): never silent. */
  failedJobs: number;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('manage.title')}>
      <h1>{t.t('manage.title')}</h1>
      <ul class="cards">
        <li class="card">
          <h2>{t.t('manage.catalogue')}</h2>
          <p>
            <a href="/manage/courses/new">{t.t('course.new')}</a>
          </p>
          <p>
            <a href="/courses?retired=1">{t.t('manage.allCourses')}</a>
          </p>
          <p>
            <a href="/manage/imports/new">{t.t('imports.link')}</a>
          </p>
        </li>
        {programmes.map((p) => (
          <li class="card">
            <h2>{pickLocalized(p.title, ctx.locale).text}</h2>
            <ul class="plain">
              <li>
                <a href={`/manage/candidates?programme=${p.slug}`}>{t.t('nav.candidates')}</a>
              </li>
              <li>
                <a href={`/manage/candidates?programme=${p.slug}&ready=1`}>{t.t('candidates.readyList')}</a>
              </li>
              <li>
                <a href={`/manage/programmes/${p.slug}/rules`}>{t.t('rules.title')}</a>
              </li>
              <li>
                <a href={`/manage/programmes/${p.slug}/edit`}>{t.t('programme.edit')}</a>
              </li>
            </ul>
            <h3>{t.t('programme.section.themes')}</h3>
            <ul>
              {p.themes.map((theme) => (
                <li>
                  <a href={`/manage/themes/${theme.slug}/edit`}>
                    {pickLocalized(theme.name, ctx.locale).text}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
        <li class="card">
          <h2>{t.t('jobs.title')}</h2>
          <p class={failedJobs > 0 ? 'error' : undefined}>
            {t.t('credential.web.manage.failedJobs', { count: failedJobs })}
          </p>
          <p>
            <a href={failedJobs > 0 ? '/admin/jobs?status=failed' : '/admin/jobs'}>
              {t.t('credential.web.manage.jobsLink')}
            </a>
          </p>
        </li>
        <li class="card">
          <h2>{t.t('people.title')}</h2>
          <p>
            <a href="/admin/people">{t.t('manage.people')}</a>
          </p>
        </li>
      </ul>
    </Layout>
  );
}
