/** Turning webinar items and due dates into calendar events in one language. */
import type { Services } from '../../deps.js';
import { type Locale, translator } from '../../i18n/i18n.js';
import { type LocalizedText, pickLocalized } from '../../i18n/localized.js';
import type { SpaceItemRef } from '../spaces/space-item-kind.js';
import type { DueItem } from '../spaces/spaces.queries.js';
import { type CalendarEvent, dueUid, sessionUid } from './webinar-calendar.js';
import { readWebinarSettings } from './webinar-settings.js';

export interface EditionLabel {
  courseCode: string;
  courseTitle: LocalizedText;
}

/** The events of webinar items (damaged settings are left out); `linkTo` says where each event leads. */
export function sessionEvents(
  deps: Pick<Services, 'config'>,
  items: readonly SpaceItemRef[],
  editions: ReadonlyMap<string, EditionLabel>,
  locale: Locale,
  linkTo: (item: SpaceItemRef) => string,
): CalendarEvent[] {
  const t = translator(locale);
  return items.flatMap((item) => {
    const session = readWebinarSettings(item.settings);
    const edition = editions.get(item.editionId);
    if (!session) return [];
    const course = edition ? pickLocalized(edition.courseTitle, locale).text : '';
    const url = `${deps.config.baseUrl}${linkTo(item)}`;
    return [
      {
        uid: sessionUid(item.id),
        start: session.startsAt,
        end: session.endsAt,
        summary: `${edition ? `${edition.courseCode} · ` : ''}${pickLocalized(item.title, locale).text}`,
        description: t.t('webinars.calendar.description', { course, url }),
        url,
      },
    ];
  });
}

/** The events of due dates (webinars' own are their sessions, left out here). */
export function dueEvents(
  deps: Pick<Services, 'config'>,
  items: readonly DueItem[],
  editions: ReadonlyMap<string, EditionLabel>,
  locale: Locale,
): CalendarEvent[] {
  const t = translator(locale);
  return items.map((item) => {
    const edition = editions.get(item.editionId);
    const url = `${deps.config.baseUrl}/spaces/${item.editionId}/items/${item.id}`;
    const title = pickLocalized(item.title, locale).text;
    return {
      uid: dueUid(item.id),
      start: item.dueAt,
      end: null,
      summary: t.t('webinars.calendar.due', { title, course: edition?.courseCode ?? '' }),
      description: url,
      url,
    };
  });
}
