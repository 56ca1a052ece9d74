/**
 * What the places module tells people (rendered and sent by the notifications module). PERSISTED SHAPE:
 * the events are stored as JSON with their kind; keep reading what was written.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Translator } from '../../i18n/i18n.js';
import { editionTitles } from '../catalogue/catalogue.queries.js';
import {
  defineNotificationKind,
  type NoticeSubject,
  noticeTexts,
  type SubjectLookup,
} from '../notifications/notification-kind.js';

const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const position = z.number().int().min(1);

/** A place in an edition was confirmed (on request, by a manager, or from the waiting list). */
export type PlaceConfirmed = {
  kind: 'place.confirmed';
  enrolmentId: string;
  editionId: string;
  fromWaitingList: boolean;
};
/** A request for a place was declined. */
export type PlaceDeclined = {
  kind: 'place.declined';
  enrolmentId: string;
  editionId: string;
  reason: string | null;
};
/** The edition is full: the request is on the waiting list at `position` (1 = next). */
export type PlaceWaitlisted = {
  kind: 'place.waitlisted';
  enrolmentId: string;
  editionId: string;
  position: number;
};
/** The person's place on the waiting list changed (someone ahead got a place or withdrew). */
export type WaitlistMoved = {
  kind: 'waitlist.moved';
  enrolmentId: string;
  editionId: string;
  position: number;
};
/** A confirmed place in an edition that starts in 7 days. */
export type EditionStartsSoon = {
  kind: 'edition.starts-soon';
  enrolmentId: string;
  editionId: string;
  startsOn: string;
};

/** The edition a notice is about: its course's title (code when untitled) and start date. */
const editions: SubjectLookup = {
  async load(db: Executor, ids: readonly string[]) {
    const found = await editionTitles(db, ids);
    const out = new Map<string, NoticeSubject>();
    for (const [key, e] of found)
      out.set(key, { title: e.courseTitle, code: e.courseCode, date: e.startsOn });
    return out;
  },
};

const editionSubject = { lookup: editions, id: (event: { editionId: string }) => event.editionId };
const editionPath = (event: { editionId: string }) => `/editions/${encodeURIComponent(event.editionId)}`;
const texts = noticeTexts;
const course = (t: Translator, subject: { title: string | null }) =>
  subject.title ?? t.t('notifications.unknownCourse');

export const PLACE_NOTIFICATION_KINDS = [
  defineNotificationKind<PlaceConfirmed>({
    kind: 'place.confirmed',
    event: z.object({
      kind: z.literal('place.confirmed'),
      enrolmentId: id,
      editionId: id,
      fromWaitingList: z.boolean(),
    }),
    label: 'notifications.kind.placeConfirmed',
    texts: (event) => texts(event.fromWaitingList ? 'placeConfirmedFromWaitingList' : 'placeConfirmed'),
    path: editionPath,
    action: 'notifications.mail.action.edition',
    subject: editionSubject,
    values: (t, _event, subject) => ({ course: course(t, subject), date: subject.date ?? '' }),
  }),
  defineNotificationKind<PlaceDeclined>({
    kind: 'place.declined',
    event: z.object({
      kind: z.literal('place.declined'),
      enrolmentId: id,
      editionId: id,
      reason: z.string().nullable(),
    }),
    label: 'notifications.kind.placeDeclined',
    texts: () => texts('placeDeclined'),
    path: editionPath,
    action: 'notifications.mail.action.edition',
    subject: editionSubject,
    values: (t, _event, subject) => ({ course: course(t, subject), date: subject.date ?? '' }),
    quote: (event) =>
      event.reason?.trim() ? { label: 'notifications.mail.reason', text: event.reason.trim() } : null,
  }),
  defineNotificationKind<PlaceWaitlisted>({
    kind: 'place.waitlisted',
    event: z.object({ kind: z.literal('place.waitlisted'), enrolmentId: id, editionId: id, position }),
    label: 'notifications.kind.placeWaitlisted',
    texts: () => texts('placeWaitlisted'),
    path: editionPath,
    action: 'notifications.mail.action.edition',
    subject: editionSubject,
    values: (t, event, subject) => ({
      course: course(t, subject),
      date: subject.date ?? '',
      position: event.position,
    }),
  }),
  defineNotificationKind<WaitlistMoved>({
    kind: 'waitlist.moved',
    event: z.object({ kind: z.literal('waitlist.moved'), enrolmentId: id, editionId: id, position }),
    label: 'notifications.kind.waitlistMoved',
    texts: () => texts('waitlistMoved'),
    path: editionPath,
    action: 'notifications.mail.action.edition',
    subject: editionSubject,
    values: (t, event, subject) => ({
      course: course(t, subject),
      date: subject.date ?? '',
      position: event.position,
    }),
  }),
  defineNotificationKind<EditionStartsSoon>({
    kind: 'edition.starts-soon',
    event: z.object({
      kind: z.literal('edition.starts-soon'),
      enrolmentId: id,
      editionId: id,
      startsOn: day,
    }),
    label: 'notifications.kind.editionStartsSoon',
    texts: () => texts('editionStartsSoon'),
    path: editionPath,
    action: 'notifications.mail.action.edition',
    subject: editionSubject,
    values: (t, event, subject) => ({ course: course(t, subject), date: t.date(event.startsOn, 'long') }),
  }),
];
