import type { Translator } from '../../../i18n/i18n.js';
import { pickLocalized } from '../../../i18n/localized.js';
import { Localized } from '../../../web/components.js';
import { type Edition, editionTiming, isOpenForRegistration } from '../course.js';

/** "7 Sept 2026 – 16 Oct 2026" in the reader's style. */
export function dateRange(t: Translator, start: string, end: string): string {
  return t.t('edition.dateRange', { start: t.date(start), end: t.date(end) });
}

/** The registration state of an edition in words (open until…, closed, cancelled, running, over). */
export function registrationLabel(
  t: Translator,
  edition: Edition,
  today: string,
): { text: string; open: boolean } {
  if (edition.status === 'cancelled') return { text: t.t('edition.cancelled'), open: false };
  if (isOpenForRegistration(edition, today)) {
    const until = edition.registrationDeadline ?? edition.startsOn;
    return { text: t.t('edition.openUntil', { date: t.date(until) }), open: true };
  }
  const timing = editionTiming(edition, today);
  if (timing === 'past') return { text: t.t('edition.over'), open: false };
  if (timing === 'running') return { text: t.t('edition.running'), open: false };
  return { text: t.t('edition.registrationClosed'), open: false };
}

/** A table of editions (catalogue entries and course pages share it). */
export function EditionsTable({
  t,
  editions,
  today,
  caption,
  showCourse = false,
}: {
  t: Translator;
  editions: readonly Edition[];
  today: string;
  caption: string;
  showCourse?: boolean;
}) {
  return (
    <table class="editions">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {showCourse ? <th scope="col">{t.t('course.title')}</th> : null}
          <th scope="col">{t.t('edition.dates')}</th>
          <th scope="col">{t.t('edition.language')}</th>
          <th scope="col">{t.t('edition.mode')}</th>
          <th scope="col">{t.t('edition.place')}</th>
          <th scope="col">{t.t('edition.registration')}</th>
        </tr>
      </thead>
      <tbody>
        {editions.map((edition) => {
          const registration = registrationLabel(t, edition, today);
          const place = pickLocalized(edition.place, t.locale);
          return (
            <tr>
              {showCourse ? (
                <td>
                  <Localized t={t} text={pickLocalized(edition.courseTitle, t.locale)} />
                </td>
              ) : null}
              <td>
                <a href={`/editions/${edition.id}`}>{dateRange(t, edition.startsOn, edition.endsOn)}</a>
              </td>
              <td>{t.t(`language.${edition.language}`)}</td>
              <td>{t.t(`mode.${edition.mode}`)}</td>
              <td>{place.text ? <Localized t={t} text={place} /> : t.t(`mode.${edition.mode}`)}</td>
              <td class={registration.open ? 'open' : 'closed'}>{registration.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
