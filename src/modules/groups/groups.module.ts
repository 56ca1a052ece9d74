/**
 * Groups and group work: group sets per edition (formed by hand, at random, by self-selection with caps
 * and a closing date, or balanced across constituency, region, language and sex), a page per group
 * (members, shared files, a shared Markdown page with history and edit-conflict detection, the group
 * tasks of the space), the `group-task` item kind and peer evaluation of contributions. docs/groups.md.
 * Other modules read groups through groups.port.ts.
 */
import type { Module } from '../module.js';
import { seedDemoGroups } from './demo/seed-groups.js';
import { GROUP_NOTIFICATION_KINDS } from './group-notices.js';
import { groupTaskKind } from './group-task-kind.js';
import { groupsApiRoutes } from './groups.api.js';
import { groupsAuditEvents } from './groups.audit.js';
import { GROUP_TABLES } from './groups.tables.js';
import { groupsWebRoutes } from './groups.web.js';
import * as groups from './migrations/2026-12-07T0000-groups.js';

const STAFF = ['facilitator', 'manager'] as const;

export const groupsModule: Module = {
  name: 'groups',
  migrations: {
    '2026-12-07T0000-groups': groups,
  },
  tables: GROUP_TABLES,
  auditEvents: groupsAuditEvents,
  spaceItemKinds: [groupTaskKind],
  notificationKinds: GROUP_NOTIFICATION_KINDS,
  webRoutes: groupsWebRoutes,
  apiRoutes: groupsApiRoutes,
  seed: async (deps) => {
    await seedDemoGroups(deps);
    return undefined;
  },
  // Members' routes are for anyone signed in: the use cases answer "not found" to whoever is neither in the
  // group (or, for an edition's groups, the edition) nor its staff. Staff routes need a staff role first.
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /spaces/:editionId/groups': 'signed-in',
    'POST /spaces/:editionId/groups': STAFF,
    'GET /groups/sets/:setId': STAFF,
    'POST /groups/sets/:setId/members': STAFF,
    'POST /groups/sets/:setId/form': STAFF,
    'POST /groups/sets/:setId/delete': STAFF,
    'POST /groups/sets/:setId/peer': STAFF,
    'GET /groups/sets/:setId/peer.csv': STAFF,
    'GET /groups/sets/:setId/peer': 'signed-in',
    'POST /groups/sets/:setId/peer/ratings': 'signed-in',
    'GET /groups/:groupId': 'signed-in',
    'POST /groups/:groupId/join': 'signed-in',
    'POST /groups/:groupId/leave': 'signed-in',
    'POST /groups/:groupId/page': 'signed-in',
    'GET /groups/:groupId/page/history': 'signed-in',
    'POST /groups/:groupId/files': 'signed-in',
    'GET /groups/:groupId/files/:fileId': 'signed-in',
    'POST /groups/:groupId/files/:fileId/remove': 'signed-in',
    'GET /group-tasks/:itemId': 'signed-in',
    'POST /group-tasks/:itemId/work': 'signed-in',
    'GET /api/v1/editions/:id/groups': 'signed-in',
  },
};
