/**
 * What the marking module tells people: a mark and its feedback were released. PERSISTED SHAPE: events are
 * stored as JSON with their kind. The page is the owner module's (given at registration). A context is an
 * edition (named by its course) or a programme (its capstones: `contextKind: 'programme'`, named by the
 * programme; events stored before it existed have no `contextKind` and are editions).
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { editionTitles } from '../catalogue/catalogue.queries.js';
import {
  defineNotificationKind,
  type NoticeSubject,
  noticeTexts,
  type SubjectLookup,
} from '../notifications/notification-kind.js';
import { programmeTitles } from '../programmes/programmes.queries.js';

export type MarkReleased = {
  kind: 'marking.released';
  submissionId: string;
  contextId: string;
  path: string;
  contextKind?: 'programme';
};

const contexts: SubjectLookup = {
  async load(db: Executor, ids: readonly string[]) {
    const found = await editionTitles(db, ids);
    const out = new Map<string, NoticeSubject>();
    for (const [key, e] of found) out.set(key, { title: e.courseTitle, code: e.courseCode });
    const rest = ids.filter((id) => !out.has(id));
    if (rest.length > 0)
      for (const [key, p] of await programmeTitles(db, rest)) out.set(key, { title: p.title });
    return out;
  },
};

export const MARKING_NOTIFICATION_KINDS = [
  defineNotificationKind<MarkReleased>({
    kind: 'marking.released',
    event: z.object({
      kind: z.literal('marking.released'),
      submissionId: z.string().max(64),
      contextId: z.string().max(64),
      path: z
        .string()
        .regex(/^\/[\w\-/.]*$/)
        .max(300),
      contextKind: z.literal('programme').optional(),
    }),
    label: 'marking.notice.label',
    texts: (event) =>
      noticeTexts(event.contextKind === 'programme' ? 'capstoneMarkReleased' : 'markReleased'),
    path: (event) => event.path,
    action: 'marking.notice.action',
    subject: { lookup: contexts, id: (event) => event.contextId },
    values: (t, event, subject): Record<string, string> =>
      event.contextKind === 'programme'
        ? { programme: subject.title ?? t.t('notifications.unknownProgramme') }
        : { course: subject.title ?? t.t('notifications.unknownCourse') },
  }),
];
