/**
 * The contract between a module that tells people things and the notifications module that shows and
 * sends them. A module declares each of its notification kinds in its descriptor (`notificationKinds`):
 * the event's shape, the message ids of its texts, the page it leads to, the label of the mail's button,
 * and how to look up the title of the thing it is about. The notifications module renders and delivers
 * every kind the same way, knowing none of the modules: adding an event never edits `notifications/`.
 *
 * PERSISTED SHAPE: events are stored as JSON (`notifications.event_json`, email job payloads) with their
 * `kind`; a kind's event schema must keep reading the events it wrote.
 */
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Translator } from '../../i18n/i18n.js';
import type { LocalizedText } from '../../i18n/localized.js';

/** An event as stored: its kind and the ids (never texts) it needs; titles are looked up when shown. */
export interface NoticeEvent {
  kind: string;
}

/** What a notice names, looked up in every language when it is shown or mailed. */
export interface NoticeSubject {
  title: LocalizedText;
  /** A code shown when the title is missing in every language (a course code). */
  code?: string;
  /** A date the texts may name (an edition's start). */
  date?: string;
}

/**
 * Looks up the subjects of many notices at once (one query for a whole page of notifications). Kinds that
 * share a lookup object share the query.
 */
export interface SubjectLookup {
  load(db: Executor, ids: readonly string[]): Promise<ReadonlyMap<string, NoticeSubject>>;
}

/** The message ids of one notice's texts. */
export interface NoticeTexts {
  /** The one-line text (the bell's list, the API). */
  line: string;
  /** The email's subject and body. */
  mailSubject: string;
  mailBody: string;
}

/**
 * The message ids of a kind whose texts follow the notifications catalogue's layout:
 * `notifications.text.<name>` (the line), `notifications.mail.<name>.subject` and `….body`.
 */
export function noticeTexts(name: string): NoticeTexts {
  return {
    line: `notifications.text.${name}`,
    mailSubject: `notifications.mail.${name}.subject`,
    mailBody: `notifications.mail.${name}.body`,
  };
}

/** One kind of notification, as its module declares it. */
export interface NotificationKindDefinition<E extends NoticeEvent = NoticeEvent> {
  kind: E['kind'];
  /** Checks a stored or queued event when it is read back (a damaged one is skipped, not shown). */
  event: z.ZodType<E>;
  /** Message id of the kind's name on the preferences page. */
  label: string;
  /** The message ids of its texts (they may depend on the event, e.g. the decision taken). */
  texts(event: E): NoticeTexts;
  /** The page it leads to (a path on this site). */
  path(event: E): string;
  /** Message id of the email's button label. */
  action: string;
  /** The id of what it is about, and how to look its title up. */
  subject: { lookup: SubjectLookup; id(event: E): string };
  /**
   * The ICU values of its texts. `subject` is what the lookup found, in the reader's language: its title
   * (null when the subject is gone) and its date written out (null when it has none).
   */
  values(
    t: Translator,
    event: E,
    subject: { title: string | null; date: string | null },
  ): Record<string, string | number>;
  /** Words of a person quoted in the email (a committee's message, a reason), with their label's id. */
  quote?(event: E): { label: string; text: string } | null;
}

/** Declares a kind with its event type checked against its definition. */
export function defineNotificationKind<E extends NoticeEvent>(
  definition: NotificationKindDefinition<E>,
): NotificationKindDefinition {
  return definition as unknown as NotificationKindDefinition;
}
