/**
 * What the groups module tells people: they were placed in a group (by a facilitator or a formation).
 * PERSISTED SHAPE: events are stored as JSON with their kind. The event holds ids only; the notice names
 * the group.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import {
  defineNotificationKind,
  type NoticeSubject,
  type SubjectLookup,
} from '../notifications/notification-kind.js';
import { findGroup } from './groups.repository.js';

export type GroupPlacedNotice = {
  kind: 'groups.placed';
  groupId: string;
  editionId: string;
};

const groups: SubjectLookup = {
  async load(db: Executor, ids: readonly string[]) {
    const out = new Map<string, NoticeSubject>();
    for (const id of new Set(ids)) {
      const group = await findGroup(db, id);
      if (group) out.set(id, { title: { en: group.name } });
    }
    return out;
  },
};

export const GROUP_NOTIFICATION_KINDS = [
  defineNotificationKind<GroupPlacedNotice>({
    kind: 'groups.placed',
    event: z.object({
      kind: z.literal('groups.placed'),
      groupId: z.string().min(1).max(64),
      editionId: z.string().min(1).max(64),
    }),
    label: 'groups.notice.label',
    texts: () => ({
      line: 'groups.notice.line',
      mailSubject: 'groups.notice.subject',
      mailBody: 'groups.notice.body',
    }),
    path: (event) => `/groups/${encodeURIComponent(event.groupId)}`,
    action: 'groups.notice.action',
    subject: { lookup: groups, id: (event) => event.groupId },
    values: (t, _event, subject) => ({ name: subject.title ?? t.t('groups.notice.untitled') }),
  }),
];
