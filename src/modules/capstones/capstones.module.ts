/**
 * The capstone: the candidate's proposal (country, policy question, themes, the approaches of the Academy
 * and of the three counted courses), the committee's decision, supervision with a load limit, milestones
 * and drafts, the final hand-in with its receipt, double-blind assessment through the marking engine, the
 * outcome recorded on the pathway (and the capstone credential in the diploma's CLR), and the public
 * library. docs/capstone.md.
 */
import type { Module } from '../module.js';
import { CAPSTONE_NOTIFICATION_KINDS } from './capstone-notices.js';
import { capstonesApiRoutes } from './capstones.api.js';
import { capstonesAuditEvents } from './capstones.audit.js';
import { capstonesWebRoutes } from './capstones.web.js';
import { seedDemoCapstones } from './demo/seed-capstones.js';
import * as capstones from './migrations/2026-12-07T0300-capstones.js';
import * as librarySearch from './migrations/2026-12-07T0600-capstone-library-search.js';
import * as committee from './migrations/2026-12-07T0601-capstone-committee.js';
import * as plannedWindow from './migrations/2026-12-07T2400-capstone-planned-window.js';
import { notifyWindowExtended } from './milestones/notify-window-extended.js';

const STAFF = ['manager', 'facilitator', 'assessor'] as const;

export const capstonesModule: Module = {
  name: 'capstones',
  migrations: {
    '2026-12-07T0300-capstones': capstones,
    '2026-12-07T0600-capstone-library-search': librarySearch,
    '2026-12-07T0601-capstone-committee': committee,
    '2026-12-07T2400-capstone-planned-window': plannedWindow,
  },
  auditEvents: capstonesAuditEvents,
  tables: [
    'capstones',
    'capstone_attempts',
    'capstone_messages',
    'capstone_supervisors',
    'capstone_settings',
    'capstone_library_search',
    'capstone_committee',
    'capstone_milestones',
  ],
  notificationKinds: CAPSTONE_NOTIFICATION_KINDS,
  onExtensionGranted: notifyWindowExtended,
  webRoutes: capstonesWebRoutes,
  seed: async (deps) => {
    await seedDemoCapstones(deps);
    return undefined;
  },
  apiRoutes: capstonesApiRoutes,
  navigation: [
    { href: '/capstones/my', label: 'capstones.nav', shownTo: ['participant'], order: 45 },
    {
      href: '/capstones',
      label: 'capstones.queue.nav',
      shownTo: ['manager', 'facilitator', 'assessor'],
      order: 46,
    },
    { href: '/library/capstones', label: 'capstones.library.nav', shownTo: 'everyone', order: 47 },
  ],
  // Candidate, supervisor and committee pages answer "not found" to anyone without standing; the blind
  // marker pages ask the marking engine; the library is public.
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /capstones/my': 'signed-in',
    'POST /capstones/my/proposal': 'signed-in',
    'GET /capstones': STAFF,
    'GET /capstones/admin': ['manager'],
    'POST /capstones/supervisors': ['manager'],
    'POST /capstones/settings/:id': ['manager'],
    'POST /capstones/examiners': ['manager'],
    'POST /capstones/examiners/withdraw': ['manager'],
    'POST /capstones/committee': ['manager'],
    'GET /capstones/marking/:id': STAFF,
    'GET /capstones/marking/:id/document': STAFF,
    'GET /capstones/:id': 'signed-in',
    'POST /capstones/:id/proposal': 'signed-in',
    'POST /capstones/:id/submit-proposal': 'signed-in',
    'POST /capstones/:id/decision': ['manager'],
    'POST /capstones/:id/supervisor': ['manager'],
    'POST /capstones/:id/messages': 'signed-in',
    'POST /capstones/:id/milestones': 'signed-in',
    'POST /capstones/:id/timeline': 'signed-in',
    'POST /capstones/:id/final': 'signed-in',
    'POST /capstones/:id/assessors': ['manager'],
    'POST /capstones/:id/outcome': ['manager'],
    'POST /capstones/:id/library': 'signed-in',
    'POST /capstones/:id/drafts': 'signed-in',
    'POST /capstones/:id/document': 'signed-in',
    'GET /capstones/:id/files/:fileId': 'signed-in',
    'GET /capstones/:id/attempts/:fileId': 'signed-in',
    'GET /library/capstones': 'public',
    'GET /library/capstones/:id': 'public',
    'GET /library/capstones/:id/document': 'public',
    'GET /api/v1/capstones': 'public',
  },
};
