/**
 * What the roleplays module tells people: they were given a role, or they joined a group that holds one.
 * PERSISTED SHAPE: events are stored as JSON with their kind. The event holds ids only; the notice names the
 * exercise, never a brief (the private brief is read on the exercise's page, where its access rule is applied).
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { GroupJoined } from '../module.js';
import {
  defineNotificationKind,
  type NoticeSubject,
  type SubjectLookup,
} from '../notifications/notification-kind.js';
import { notify } from '../notifications/notify.js';
import { findItemOfKind } from '../spaces/spaces.queries.js';
import { ROLEPLAY_KIND } from './roleplay-access.js';
import { listRolesOfGroup } from './roleplays.repository.js';

export type RoleAssignedNotice = {
  kind: 'roleplay.role-assigned';
  itemId: string;
  editionId: string;
  roleId: string;
};

export type GroupRoleJoinedNotice = {
  kind: 'roleplay.group-role-joined';
  itemId: string;
  editionId: string;
  roleId: string;
  groupId: string;
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
  defineNotificationKind<GroupRoleJoinedNotice>({
    kind: 'roleplay.group-role-joined',
    event: z.object({
      kind: z.literal('roleplay.group-role-joined'),
      itemId: z.string().min(1).max(64),
      editionId: z.string().min(1).max(64),
      roleId: z.string().min(1).max(64),
      groupId: z.string().min(1).max(64),
    }),
    label: 'roleplays.notice.groupLabel',
    texts: () => ({
      line: 'roleplays.notice.groupLine',
      mailSubject: 'roleplays.notice.groupSubject',
      mailBody: 'roleplays.notice.groupBody',
    }),
    path: (event) =>
      `/spaces/${encodeURIComponent(event.editionId)}/items/${encodeURIComponent(event.itemId)}`,
    action: 'roleplays.notice.action',
    subject: { lookup: roleplays, id: (event) => event.itemId },
    values: (t, _event, subject) => ({ title: subject.title ?? t.t('roleplays.notice.untitled') }),
  }),
];

/**
 * `Module.onGroupJoined`: people who joined a group that holds a role (a role given to a group is held by its
 * members of the moment) are told, once per role, in their language and by email per their preferences.
 */
export async function notifyGroupRoleHolders(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  joined: GroupJoined,
): Promise<void> {
  const roles = await listRolesOfGroup(db, joined.groupId);
  if (roles.length === 0) return;
  const now = deps.clock.now().toISOString();
  for (const role of roles)
    for (const personId of joined.personIds) {
      const event: GroupRoleJoinedNotice = {
        kind: 'roleplay.group-role-joined',
        itemId: role.item_id,
        editionId: joined.editionId,
        roleId: role.role_id,
        groupId: joined.groupId,
      };
      await notify(db, deps.clock, {
        recipientId: personId,
        key: `roleplay-group-role:${role.role_id}:${joined.groupId}:${personId}:${now}`,
        event,
      });
    }
}
