/**
 * What the admissions module tells applicants (rendered and sent by the notifications module). PERSISTED
 * SHAPE: the events are stored as JSON with their kind; keep reading what was written.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Translator } from '../../i18n/i18n.js';
import {
  defineNotificationKind,
  type NoticeSubject,
  noticeTexts,
  type SubjectLookup,
} from '../notifications/notification-kind.js';
import { programmeTitles } from '../programmes/programmes.queries.js';

const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The applicant's application was submitted. */
export type ApplicationReceived = {
  kind: 'application.received';
  applicationId: string;
  programmeId: string;
};
/** A decision on an application (the message is the committee's, in the applicant's language). */
export type ApplicationDecided = {
  kind: 'application.decided';
  applicationId: string;
  programmeId: string;
  decision: 'accept' | 'waitlist' | 'reject' | 'request-info';
  message: string | null;
};
/** A decision was reopened: the application is under review again. */
export type ApplicationReopened = {
  kind: 'application.reopened';
  applicationId: string;
  programmeId: string;
};
/** A started draft whose programme stops taking applications in 3 days. */
export type ApplicationDeadlineSoon = {
  kind: 'application.deadline-soon';
  applicationId: string;
  programmeId: string;
  closesOn: string;
};

/** The programme an application is to. */
const programmes: SubjectLookup = {
  async load(db: Executor, ids: readonly string[]) {
    const found = await programmeTitles(db, ids);
    const out = new Map<string, NoticeSubject>();
    for (const [key, p] of found) out.set(key, { title: p.title });
    return out;
  },
};

const programmeSubject = { lookup: programmes, id: (event: { programmeId: string }) => event.programmeId };
const applicationPath = (event: { applicationId: string }) =>
  `/my/applications/${encodeURIComponent(event.applicationId)}`;
const texts = noticeTexts;
const programme = (t: Translator, subject: { title: string | null }) =>
  subject.title ?? t.t('notifications.unknownProgramme');

export const APPLICATION_NOTIFICATION_KINDS = [
  defineNotificationKind<ApplicationReceived>({
    kind: 'application.received',
    event: z.object({ kind: z.literal('application.received'), applicationId: id, programmeId: id }),
    label: 'notifications.kind.applicationReceived',
    texts: () => texts('applicationReceived'),
    path: applicationPath,
    action: 'notifications.mail.action.application',
    subject: programmeSubject,
    values: (t, _event, subject) => ({ programme: programme(t, subject) }),
  }),
  defineNotificationKind<ApplicationDecided>({
    kind: 'application.decided',
    event: z.object({
      kind: z.literal('application.decided'),
      applicationId: id,
      programmeId: id,
      decision: z.enum(['accept', 'waitlist', 'reject', 'request-info']),
      message: z.string().nullable(),
    }),
    label: 'notifications.kind.applicationDecided',
    texts: (event) =>
      texts(`applicationDecided.${event.decision === 'request-info' ? 'requestInfo' : event.decision}`),
    path: applicationPath,
    action: 'notifications.mail.action.application',
    subject: programmeSubject,
    values: (t, _event, subject) => ({ programme: programme(t, subject) }),
    quote: (event) =>
      event.message?.trim()
        ? { label: 'notifications.mail.committeeMessage', text: event.message.trim() }
        : null,
  }),
  defineNotificationKind<ApplicationReopened>({
    kind: 'application.reopened',
    event: z.object({ kind: z.literal('application.reopened'), applicationId: id, programmeId: id }),
    label: 'notifications.kind.applicationReopened',
    texts: () => texts('applicationReopened'),
    path: applicationPath,
    action: 'notifications.mail.action.application',
    subject: programmeSubject,
    values: (t, _event, subject) => ({ programme: programme(t, subject) }),
  }),
  defineNotificationKind<ApplicationDeadlineSoon>({
    kind: 'application.deadline-soon',
    event: z.object({
      kind: z.literal('application.deadline-soon'),
      applicationId: id,
      programmeId: id,
      closesOn: day,
    }),
    label: 'notifications.kind.applicationDeadlineSoon',
    texts: () => texts('applicationDeadlineSoon'),
    path: applicationPath,
    action: 'notifications.mail.action.application',
    subject: programmeSubject,
    values: (t, event, subject) => ({
      programme: programme(t, subject),
      date: t.date(event.closesOn, 'long'),
    }),
  }),
];
