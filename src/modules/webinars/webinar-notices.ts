/**
 * What the webinars module tells people: a session starts in 24 hours or in 1 hour. PERSISTED SHAPE: the
 * events are stored as JSON with their kind; keep reading what was written. The event carries the
 * recipient's time zone, so the time is written in their zone and language.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import {
  defineNotificationKind,
  type NoticeSubject,
  type SubjectLookup,
} from '../notifications/notification-kind.js';
import { findItemOfKind } from '../spaces/spaces.queries.js';
import { formatInstant } from './views/instant-format.js';
import { WEBINAR_KIND } from './webinar-access.js';

/** A webinar the person takes part in starts soon. */
export type WebinarReminder = {
  kind: 'webinar.reminder';
  itemId: string;
  editionId: string;
  reminder: '24h' | '1h';
  startsAt: string;
  timeZone: string;
};

const webinars: SubjectLookup = {
  async load(db: Executor, ids: readonly string[]) {
    const out = new Map<string, NoticeSubject>();
    for (const id of new Set(ids)) {
      const item = await findItemOfKind(db, WEBINAR_KIND, id);
      if (item) out.set(id, { title: item.title });
    }
    return out;
  },
};

export const WEBINAR_NOTIFICATION_KINDS = [
  defineNotificationKind<WebinarReminder>({
    kind: 'webinar.reminder',
    event: z.object({
      kind: z.literal('webinar.reminder'),
      itemId: z.string().min(1).max(64),
      editionId: z.string().min(1).max(64),
      reminder: z.enum(['24h', '1h']),
      startsAt: z.string().max(40),
      timeZone: z.string().max(64),
    }),
    label: 'webinars.notice.label',
    texts: (event) => ({
      line: `webinars.notice.line.${event.reminder}`,
      mailSubject: `webinars.notice.subject.${event.reminder}`,
      mailBody: `webinars.notice.body.${event.reminder}`,
    }),
    path: (event) =>
      `/spaces/${encodeURIComponent(event.editionId)}/items/${encodeURIComponent(event.itemId)}`,
    action: 'webinars.notice.action',
    subject: { lookup: webinars, id: (event) => event.itemId },
    values: (t, event, subject) => ({
      title: subject.title ?? t.t('webinars.notice.untitled'),
      when: `${formatInstant(event.startsAt, t.locale, event.timeZone)} (${event.timeZone.replaceAll('_', ' ')})`,
    }),
  }),
];
