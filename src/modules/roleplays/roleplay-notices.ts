/**
 * What the roleplays module tells people: they were given a role. PERSISTED SHAPE: events are stored as
 * JSON with their kind. The event holds ids only; the notice names the exercise, never a brief (the
 * private brief is read on the exercise's page, where its access rule is applied).
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import {
  defineNotificationKind,
  type NoticeSubject,
  type SubjectLookup,
} from '../notifications/notification-kind.js';
import { findItemOfKind } from '../spaces/spaces.queries.js';
import { ROLEPLAY_KIND } from './roleplay-access.js';

export type RoleAssignedNotice = {
  kind: 'roleplay.role-assigned';
  itemId: string;
  editionId: string;
  roleId: string;
};

const roleplays: SubjectLookup = {
  async load(db: Executor, ids: readonly string[]) {
    const out = new Map<string, NoticeSubject>();
    for (const id of new Set(ids)) {
      const item = await findItemOfKind(db, ROLEPLAY_KIND, id);
      if (item) out.set(id, { title: item.title });
    }
    return out;
  },
};

export const ROLEPLAY_NOTIFICATION_KINDS = [
  defineNotificationKind<RoleAssignedNotice>({
    kind: 'roleplay.role-assigned',
    event: z.object({
      kind: z.literal('roleplay.role-assigned'),
      itemId: z.string().min(1).max(64),
      editionId: z.string().min(1).max(64),
      roleId: z.string().min(1).max(64),
    }),
    label: 'roleplays.notice.label',
    texts: () => ({
      line: 'roleplays.notice.line',
      mailSubject: 'roleplays.notice.subject',
      mailBody: 'roleplays.notice.body',
    }),
    path: (event) =>
      `/spaces/${encodeURIComponent(event.editionId)}/items/${encodeURIComponent(event.itemId)}`,
    action: 'roleplays.notice.action',
    subject: { lookup: roleplays, id: (event) => event.itemId },
    values: (t, _event, subject) => ({ title: subject.title ?? t.t('roleplays.notice.untitled') }),
  }),
];
