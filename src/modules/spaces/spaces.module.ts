import type { Module } from '../module.js';
import { seedDemoSpaces } from './demo/seed-spaces.js';
import { fileKind } from './kinds/file-kind.js';
import { linkKind } from './kinds/link-kind.js';
import { pageKind } from './kinds/page-kind.js';
import * as spaces from './migrations/2026-12-06T1800-spaces.js';
import * as taskSetIds from './migrations/2026-12-08T0110-group-task-set-ids.js';
import { spacesAuditEvents } from './spaces.audit.js';
import { spacesWebRoutes } from './spaces.web.js';

/**
 * Course spaces: every edition's learning space (sections, items of every kind the modules declare, order,
 * availability, completion rules, progress), its builder and its progress grid. Its own item kinds: page,
 * file, link.
 */
const STAFF = ['facilitator', 'manager'] as const;

export const spacesModule: Module = {
  name: 'spaces',
  migrations: { '2026-12-06T1800-spaces': spaces, '2026-12-08T0110-group-task-set-ids': taskSetIds },
  auditEvents: spacesAuditEvents,
  tables: ['spaces', 'space_sections', 'space_items', 'space_item_progress'],
  spaceItemKinds: [pageKind, fileKind, linkKind],
  webRoutes: spacesWebRoutes,
  seed: async (deps) => {
    await seedDemoSpaces(deps);
    return undefined;
  },
  // Learners' routes are for anyone signed in: the use cases answer "not found" to whoever has no place,
  // no facilitation and no management in the edition. The builder needs a staff role first.
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /spaces/:editionId': 'signed-in',
    'GET /spaces/:editionId/items/:itemId': 'signed-in',
    'GET /spaces/:editionId/items/:itemId/file': 'signed-in',
    'POST /spaces/:editionId/items/:itemId/done': 'signed-in',
    'GET /spaces/:editionId/offline.zip': 'signed-in',
    'POST /spaces/time-zone': 'signed-in',
    'GET /spaces/:editionId/progress': STAFF,
    'GET /spaces/:editionId/progress.csv': STAFF,
    'GET /spaces/:editionId/build': STAFF,
    'POST /spaces/:editionId/build/copy': STAFF,
    'POST /spaces/:editionId/build/sections': STAFF,
    'GET /spaces/:editionId/build/sections/:sectionId': STAFF,
    'POST /spaces/:editionId/build/sections/:sectionId': STAFF,
    'POST /spaces/:editionId/build/sections/:sectionId/move': STAFF,
    'POST /spaces/:editionId/build/sections/:sectionId/remove': STAFF,
    'GET /spaces/:editionId/build/items/new': STAFF,
    'POST /spaces/:editionId/build/items': STAFF,
    'GET /spaces/:editionId/build/items/:itemId': STAFF,
    'POST /spaces/:editionId/build/items/:itemId': STAFF,
    'POST /spaces/:editionId/build/items/:itemId/move': STAFF,
    'POST /spaces/:editionId/build/items/:itemId/remove': STAFF,
  },
};
