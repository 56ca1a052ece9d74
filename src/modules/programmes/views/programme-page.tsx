import { pickLocalized } from '../../../i18n/localized.js';
import { Localized, Paragraphs } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import type { Course, ProgrammeRole } from '../../catalogue/course.js';
import type { Programme } from '../programme.js';

interface Props {
  ctx: PageContext;
  programme: Programme;
  courses: { course: Course; role: ProgrammeRole }[];
  canEdit: boolean;
}

/** The diploma's public page: what it is, its structure, themes, courses, audience, eligibility, certification. */
export function ProgrammePage({ ctx, programme, courses, canEdit }: Props) {
  const { t } = ctx;
  const title = pickLocalized(programme.title, ctx.locale);
  const summary = pickLocalized(programme.summary, ctx.locale);
  const compulsory = courses.filter((c) => c.role === 'compulsory');
  const electives = courses.filter((c) => c.role === 'elective');
  const section = (key: string, text: Partial<Record<string, string>>) => {
    const picked = pickLocalized(text, ctx.locale);
    if (!picked.text) return null;
    return (
      <section aria-labelledby={`section-${key}`}>
        <h2 id={`section-${key}`}>{t.t(`programme.section.${key}`)}</h2>
        <Paragraphs t={t} text={picked} />
      </section>
    );
  };
  return (
    <Layout ctx={ctx} title={title.text} description={summary.text}>
      <h1>
        <Localized t={t} text={title} />
      </h1>
      <Localized t={t} text={summary} as="p" />
      <p>
        <a class="button" href={`/programmes/${programme.slug}/apply`}>
          {t.t('admissions.apply.link')}
        </a>
      </p>
      {canEdit ? (
        <p class="actions">
          <a class="button" href={`/manage/programmes/${programme.slug}/edit`}>
            {t.t('programme.edit')}
          </a>
        </p>
      ) : null}
      {section('about', programme.description)}
      <section aria-labelledby="section-structure">
        <h2 id="section-structure">{t.t('programme.section.structure')}</h2>
        <ol class="structure">
          {compulsory.map(({ course }) => (
            <li>
              <a href={`/courses/${course.code}`}>{pickLocalized(course.title, ctx.locale).text}</a> (
              {t.t('course.role.compulsory').toLocaleLowerCase(ctx.locale)}
              {course.countedBy.map((code) => (
                <>
                  {', '}
                  {t.t('programme.structure.orEquivalent')} <a href={`/courses/${code}`}>{code}</a>
                </>
              ))}
              )
            </li>
          ))}
          <li>{t.t('programme.structure.electives', { count: programme.electivesRequired })}</li>
          <li>{t.t('programme.structure.capstone')}</li>
        </ol>
        <p>
          {t.t('programme.structure.window', { years: programme.windowYears, hours: programme.totalHours })}
        </p>
        <p>{t.t('programme.structure.achievementOnly')}</p>
      </section>
      <section aria-labelledby="section-themes">
        <h2 id="section-themes">{t.t('programme.section.themes')}</h2>
        <ul class="themes">
          {programme.themes.map((theme) => {
            const description = pickLocalized(theme.description, ctx.locale);
            return (
              <li>
                <a href={`/courses?theme=${theme.slug}`}>
                  <strong>{pickLocalized(theme.name, ctx.locale).text}</strong>
                </a>
                {description.text ? <Localized t={t} text={description} as="p" /> : null}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="section-courses">
        <h2 id="section-courses">{t.t('programme.section.courses')}</h2>
        <table>
          <caption class="visually-hidden">{t.t('programme.section.courses')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('course.title')}</th>
              <th scope="col">{t.t('course.code')}</th>
              <th scope="col">{t.t('course.learningHours')}</th>
              <th scope="col">{t.t('programme.role')}</th>
            </tr>
          </thead>
          <tbody>
            {[...compulsory, ...electives].map(({ course, role }) => (
              <tr>
                <td>
                  <a href={`/courses/${course.code}`}>
                    <Localized t={t} text={pickLocalized(course.title, ctx.locale)} />
                  </a>
                  {course.countsAs.length ? (
                    <small> {t.t('programme.countsAs', { codes: course.countsAs.join(', ') })}</small>
                  ) : null}
                </td>
                <td>{course.code}</td>
                <td>{t.number(course.learningHours)}</td>
                <td>{t.t(`course.role.${role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {section('audience', programme.audience)}
      {section('eligibility', programme.eligibility)}
      {section('certification', programme.certification)}
    </Layout>
  );
}
