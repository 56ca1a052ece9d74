/**
 * Role-play exercises in course spaces: the `roleplay` item kind (a scenario, roles with a public brief for
 * everyone and a private brief for the role's holders and the edition's staff), roles assigned by hand, at
 * random or in balance across constituencies, phases with dates and an in-character discussion each, a
 * negotiated outcome document with its history, the facilitator's debrief and the reveal of every private
 * brief at the end. docs/roleplays.md.
 */
import type { Module } from '../module.js';
import { seedDemoRoleplays } from './demo/seed-roleplays.js';
import * as roleplays from './migrations/2026-12-07T0200-roleplays.js';
import { roleplayKind } from './roleplay-kind.js';
import { notifyGroupRoleHolders, ROLEPLAY_NOTIFICATION_KINDS } from './roleplay-notices.js';
import { roleplaysApiRoutes } from './roleplays.api.js';
import { roleplaysAuditEvents } from './roleplays.audit.js';
import { roleplaysWebRoutes } from './roleplays.web.js';

const STAFF = ['facilitator', 'manager'] as const;

export const roleplaysModule: Module = {
  name: 'roleplays',
  migrations: { '2026-12-07T0200-roleplays': roleplays },
  tables: ['roleplays', 'roleplay_roles', 'roleplay_holders', 'roleplay_phases', 'roleplay_outcome_versions'],
  auditEvents: roleplaysAuditEvents,
  spaceItemKinds: [roleplayKind],
  notificationKinds: ROLEPLAY_NOTIFICATION_KINDS,
  onGroupJoined: notifyGroupRoleHolders,
  webRoutes: roleplaysWebRoutes,
  apiRoutes: roleplaysApiRoutes,
  seed: async (deps) => {
    await seedDemoRoleplays(deps);
    return undefined;
  },
  // Learners' routes are for anyone signed in: the use cases answer "not found" to whoever is not in the
  // edition (and 403 to a participant who holds no role, for the outcome). Staff pages need a staff role.
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /roleplays/:itemId/manage': STAFF,
    'POST /roleplays/:itemId/settings': STAFF,
    'POST /roleplays/:itemId/roles': STAFF,
    'POST /roleplays/:itemId/roles/:roleId': STAFF,
    'POST /roleplays/:itemId/roles/:roleId/remove': STAFF,
    'POST /roleplays/:itemId/holders': STAFF,
    'POST /roleplays/:itemId/assign': STAFF,
    'POST /roleplays/:itemId/phases': STAFF,
    'POST /roleplays/:itemId/phases/:phaseId/remove': STAFF,
    'POST /roleplays/:itemId/debrief': STAFF,
    'POST /roleplays/:itemId/reveal': STAFF,
    'GET /roleplays/:itemId/phases/:phaseId': 'signed-in',
    'POST /roleplays/:itemId/phases/:phaseId/posts': 'signed-in',
    'GET /roleplays/:itemId/outcome': 'signed-in',
    'POST /roleplays/:itemId/outcome': 'signed-in',
    'GET /api/v1/editions/:id/roleplays': 'signed-in',
    'GET /api/v1/roleplays/:id': 'signed-in',
  },
};
