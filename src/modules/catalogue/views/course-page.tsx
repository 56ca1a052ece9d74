import type { Locale, Translator } from '../../../i18n/i18n.js';
import { pickLocalized } from '../../../i18n/localized.js';
import { Csrf, Localized, Paragraphs } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import type { CourseDetail } from '../get-course.js';
import { EditionsTable } from './edition-summary.js';

/** The course page's title and description in the reader's language (for its frame). */
export function coursePageHead(detail: CourseDetail, locale: Locale) {
  return {
    title: pickLocalized(detail.course.title, locale).text,
    description: pickLocalized(detail.course.summary, locale).text,
  };
}

export function CoursePage({ ctx, detail }: { ctx: PageContext; detail: CourseDetail }) {
  return (
    <Layout ctx={ctx} {...coursePageHead(detail, ctx.locale)}>
      <CourseContents t={ctx.t} detail={detail} csrf={ctx.csrf} />
    </Layout>
  );
}

/**
 * What the course page shows inside its frame: the same for every reader with the same language and
 * rights (the CSRF token only for managers' buttons).
 */
export function CourseContents({ t, detail, csrf }: { t: Translator; detail: CourseDetail; csrf?: string }) {
  const canManage = detail.can.manage;
  const { course } = detail;
  const ctx = { locale: t.locale };
  const title = pickLocalized(course.title, ctx.locale);
  const summary = pickLocalized(course.summary, ctx.locale);
  const description = pickLocalized(course.description, ctx.locale);
  return (
    <>
      <p>
        <a href="/courses">{t.t('catalogue.back')}</a>
      </p>
      <h1>
        <Localized t={t} text={title} />
      </h1>
      {course.status === 'retired' ? <p class="notice">{t.t('course.retiredNotice')}</p> : null}
      {summary.text ? <Localized t={t} text={summary} as="p" /> : null}
      <dl class="facts">
        <dt>{t.t('course.code')}</dt>
        <dd>{course.code}</dd>
        <dt>{t.t('course.learningHours')}</dt>
        <dd>{t.t('course.hours', { hours: course.learningHours })}</dd>
        <dt>{t.t('course.credentialOnSuccess')}</dt>
        <dd>{t.t(`credential.${course.credentialOnSuccess}`)}</dd>
        <dt>{t.t('course.themes')}</dt>
        <dd>
          {course.themes.map((theme) => pickLocalized(theme.name, ctx.locale).text).join(' · ') ||
            t.t('course.noThemes')}
        </dd>
        <dt>{t.t('course.diplomas')}</dt>
        <dd>
          {course.programmes.length === 0 ? (
            t.t('course.notEligible')
          ) : (
            <ul class="plain">
              {course.programmes.map((p) => (
                <li>
                  <a href={`/programmes/${p.programmeSlug}`}>
                    {pickLocalized(p.programmeTitle, ctx.locale).text}
                  </a>
                  {' — '}
                  {t.t(`course.role.${p.role}`)}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {course.countsAs.length ? (
          <>
            <dt>{t.t('course.countsAs')}</dt>
            <dd>
              {course.countsAs.map((code) => (
                <a href={`/courses/${code}`}>{code} </a>
              ))}
            </dd>
          </>
        ) : null}
        {course.countedBy.length ? (
          <>
            <dt>{t.t('course.countedBy')}</dt>
            <dd>
              {course.countedBy.map((code) => (
                <a href={`/courses/${code}`}>{code} </a>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {course.credentialOnSuccess === 'participation' && course.programmes.length === 0 ? (
        <p class="notice">{t.t('course.participationNotice')}</p>
      ) : null}
      {description.text ? <Paragraphs t={t} text={description} /> : null}
      {canManage ? (
        <div class="actions">
          <a class="button" href={`/manage/courses/${course.code}/edit`}>
            {t.t('course.edit')}
          </a>
          {course.status === 'active' ? (
            <a class="button" href={`/manage/courses/${course.code}/editions/new`}>
              {t.t('edition.new')}
            </a>
          ) : null}
          <form
            method="post"
            action={`/manage/courses/${course.code}/${course.status === 'active' ? 'retire' : 'reactivate'}`}
            class="inline"
          >
            <Csrf token={csrf ?? ''} />
            <button type="submit" class="secondary">
              {course.status === 'active' ? t.t('course.retire') : t.t('course.reactivate')}
            </button>
          </form>
        </div>
      ) : null}
      <h2>{t.t('course.upcomingEditions')}</h2>
      {detail.upcoming.length ? (
        <EditionsTable
          t={t}
          editions={detail.upcoming}
          today={detail.today}
          caption={t.t('course.upcomingEditions')}
        />
      ) : (
        <p>{t.t('course.noUpcoming')}</p>
      )}
      {detail.past.length ? (
        <details>
          <summary>{t.t('course.pastEditions', { count: detail.past.length })}</summary>
          <EditionsTable
            t={t}
            editions={detail.past}
            today={detail.today}
            caption={t.t('course.pastEditionsCaption')}
          />
        </details>
      ) : null}
    </>
  );
}
