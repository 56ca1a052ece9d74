/**
 * Notifications as the platform shows and sends them: pure rules (no I/O). An event carries ids; the
 * titles it names are looked up when it is shown or emailed, then rendered in the reader's language.
 */
import type { Translator } from '../../i18n/i18n.js';
import { type LocalizedText, pickLocalized } from '../../i18n/localized.js';
import type { NotificationEvent, NotificationKind } from './events.js';

/** A person's choice for one kind of notification. */
export interface Preference {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
}

/** Without a stored choice, every kind is shown in the platform and sent by email. */
export const DEFAULT_PREFERENCE = { inApp: true, email: true } as const;

/** The titles events name, looked up once for a list (or one email). */
export interface SubjectTitles {
  programmes: ReadonlyMap<string, LocalizedText>;
  editions: ReadonlyMap<string, { courseTitle: LocalizedText; courseCode: string; startsOn: string }>;
}

/** A notification as listed for its owner. */
export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  event: NotificationEvent;
  createdAt: string;
  readAt: string | null;
}

/** The message id part naming a kind (`application.decided` + accept → `applicationDecided.accept`). */
export function textId(event: NotificationEvent): string {
  switch (event.kind) {
    case 'application.received':
      return 'applicationReceived';
    case 'application.decided':
      return `applicationDecided.${event.decision === 'request-info' ? 'requestInfo' : event.decision}`;
    case 'application.reopened':
      return 'applicationReopened';
    case 'application.deadline-soon':
      return 'applicationDeadlineSoon';
    case 'place.confirmed':
      return event.fromWaitingList ? 'placeConfirmedFromWaitingList' : 'placeConfirmed';
    case 'place.declined':
      return 'placeDeclined';
    case 'place.waitlisted':
      return 'placeWaitlisted';
    case 'waitlist.moved':
      return 'waitlistMoved';
    case 'edition.starts-soon':
      return 'editionStartsSoon';
  }
}

/** The label id of a kind (the preferences page). */
export function kindLabelId(kind: NotificationKind): string {
  return `notifications.kind.${kind.replace(/[.-](\w)/g, (_m, c: string) => c.toUpperCase())}`;
}

/** The page a notification leads to (a path on this site). */
export function noticePath(event: NotificationEvent): string {
  if ('applicationId' in event) return `/my/applications/${encodeURIComponent(event.applicationId)}`;
  return `/editions/${encodeURIComponent(event.editionId)}`;
}

/** Which kind of page `noticePath` leads to (for the email's link label). */
export function noticeTarget(event: NotificationEvent): 'application' | 'edition' {
  return 'applicationId' in event ? 'application' : 'edition';
}

/** The ICU values of an event's texts, with the titles in the reader's language (fallback: another one). */
export function noticeValues(
  t: Translator,
  event: NotificationEvent,
  titles: SubjectTitles,
): Record<string, string | number> {
  if ('programmeId' in event) {
    const title = titles.programmes.get(event.programmeId);
    const programme = (title && pickLocalized(title, t.locale).text) || t.t('notifications.unknownProgramme');
    return event.kind === 'application.deadline-soon'
      ? { programme, date: t.date(event.closesOn, 'long') }
      : { programme };
  }
  const edition = titles.editions.get(event.editionId);
  const course = edition
    ? pickLocalized(edition.courseTitle, t.locale).text || edition.courseCode
    : t.t('notifications.unknownCourse');
  const startsOn = event.kind === 'edition.starts-soon' ? event.startsOn : edition?.startsOn;
  const date = startsOn ? t.date(startsOn, 'long') : '';
  return 'position' in event ? { course, date, position: event.position } : { course, date };
}

/** The one-line text of a notification (the bell's list and the API), in the reader's language. */
export function notificationText(t: Translator, event: NotificationEvent, titles: SubjectTitles): string {
  return t.t(`notifications.text.${textId(event)}`, noticeValues(t, event, titles));
}

/** The ids of the programmes and editions a set of events names. */
export function subjectIds(events: readonly NotificationEvent[]): {
  programmeIds: string[];
  editionIds: string[];
} {
  const programmeIds = new Set<string>();
  const editionIds = new Set<string>();
  for (const event of events) {
    if ('programmeId' in event) programmeIds.add(event.programmeId);
    else editionIds.add(event.editionId);
  }
  return { programmeIds: [...programmeIds], editionIds: [...editionIds] };
}
