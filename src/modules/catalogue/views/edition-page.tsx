import type { ComponentChildren } from 'preact';
import { pickLocalized } from '../../../i18n/localized.js';
import { Localized } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import type { Course, Edition } from '../course.js';
import { dateRange, registrationLabel } from './edition-summary.js';

interface Props {
  ctx: PageContext;
  edition: Edition;
  course: Course;
  today: string;
  /** The page's user may see the class list (a manager, or one of the edition's facilitators). */
  /** What the reader may do here (from the use case). */
  can: { manage: boolean; teach: boolean };
  /** The places block (places module): what is left, and the request form. */
  placesPanel?: ComponentChildren;
}

/** Pure: the edition's phases and the assignment's due date, in the order they happen. */
export function scheduleOf(edition: Edition): { key: string; start: string; end: string | null }[] {
  const rows: { key: string; start: string | null; end: string | null }[] = [
    { key: 'edition.phase.selfPaced', start: edition.selfPacedStart, end: edition.selfPacedEnd },
    { key: 'edition.phase.live', start: edition.liveStart, end: edition.liveEnd },
    { key: 'edition.phase.residential', start: edition.residentialStart, end: edition.residentialEnd },
    { key: 'edition.phase.assignment', start: edition.assignmentDue, end: null },
  ];
  return rows
    .filter((row): row is { key: string; start: string; end: string | null } => row.start !== null)
    .sort((a, b) => a.start.localeCompare(b.start) || (a.end ?? a.start).localeCompare(b.end ?? b.start));
}

export function EditionPage({ ctx, edition, course, today, can, placesPanel }: Props) {
  const { manage: canManage, teach: canTeach } = can;
  const { t } = ctx;
  const title = pickLocalized(course.title, ctx.locale);
  const place = pickLocalized(edition.place, ctx.locale);
  const registration = registrationLabel(t, edition, today);
  const schedule = scheduleOf(edition);
  const heading = t.t('edition.heading', {
    course: title.text,
    dates: dateRange(t, edition.startsOn, edition.endsOn),
  });
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href={`/courses/${course.code}`}>{t.t('edition.backToCourse', { code: course.code })}</a>
      </p>
      <h1>
        <Localized t={t} text={title} />
      </h1>
      <p class="lead">{dateRange(t, edition.startsOn, edition.endsOn)}</p>
      <p class={registration.open ? 'badge open' : 'badge closed'}>{registration.text}</p>
      <dl class="facts">
        {edition.code ? (
          <>
            <dt>{t.t('edition.code')}</dt>
            <dd>{edition.code}</dd>
          </>
        ) : null}
        <dt>{t.t('edition.language')}</dt>
        <dd>{t.t(`language.${edition.language}`)}</dd>
        <dt>{t.t('edition.mode')}</dt>
        <dd>{t.t(`mode.${edition.mode}`)}</dd>
        {place.text ? (
          <>
            <dt>{t.t('edition.place')}</dt>
            <dd>
              <Localized t={t} text={place} />
            </dd>
          </>
        ) : null}
        <dt>{t.t('course.learningHours')}</dt>
        <dd>{t.t('course.hours', { hours: course.learningHours })}</dd>
        {placesPanel ? null : (
          <>
            <dt>{t.t('edition.capacity')}</dt>
            <dd>
              {edition.capacity === null
                ? t.t('edition.noLimit')
                : t.t('edition.places', { count: edition.capacity })}
            </dd>
          </>
        )}
        {edition.registrationDeadline ? (
          <>
            <dt>{t.t('edition.deadline')}</dt>
            <dd>{t.date(edition.registrationDeadline, 'long')}</dd>
          </>
        ) : null}
        <dt>{t.t('edition.fee')}</dt>
        <dd>
          {edition.feeAmount !== null && edition.feeCurrency
            ? t.money(edition.feeAmount, edition.feeCurrency)
            : t.t('edition.noFee')}
        </dd>
        {edition.facilitators.length ? (
          <>
            <dt>{t.t('edition.facilitators')}</dt>
            <dd>{edition.facilitators.map((f) => f.fullName).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {placesPanel}
      <h2 id="schedule-heading">{t.t('edition.schedule')}</h2>
      <table aria-labelledby="schedule-heading">
        <thead>
          <tr>
            <th scope="col">{t.t('edition.phase.label')}</th>
            <th scope="col">{t.t('edition.dates')}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.map(({ key, start, end }) => (
            <tr>
              <th scope="row">{t.t(key)}</th>
              <td>
                {end === null ? t.t('edition.dueOn', { date: t.date(start) }) : dateRange(t, start, end)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canManage || canTeach ? (
        <p class="actions">
          {canManage ? (
            <a class="button" href={`/manage/editions/${edition.id}/edit`}>
              {t.t('edition.edit')}
            </a>
          ) : null}
          <a class="button secondary" href={`/manage/editions/${edition.id}/class`}>
            {t.t('edition.classList')}
          </a>
          {canManage ? (
            <a class="button secondary" href={`/manage/editions/${edition.id}/places`}>
              {t.t('places.manage.link')}
            </a>
          ) : null}
        </p>
      ) : null}
    </Layout>
  );
}
